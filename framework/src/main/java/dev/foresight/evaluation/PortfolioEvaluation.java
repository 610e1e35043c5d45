package dev.foresight.evaluation;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.execution.Legs;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.portfolio.Portfolio;
import dev.foresight.portfolio.Weighting;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.DeflatedSharpe;
import dev.foresight.statistics.DieboldMariano;
import dev.foresight.statistics.PesaranTimmermann;
import dev.foresight.statistics.ProbabilisticSharpe;
import dev.foresight.statistics.ReturnMoments;
import dev.foresight.statistics.StationaryBootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model's portfolio: its positions on each asset (the member experiments' out-of-sample paths)
 * combined on the bars every asset has ({@link Portfolio#combine}), scored like a single asset's
 * strategy, each asset's contribution, and the tests on the portfolio.
 *
 * <ul>
 *   <li>Inputs per asset and bar: the member's position, its asset's close-to-close return, and
 *       (for the volatility weightings) its one-bar variance forecast, the stored variance ÷ the
 *       target's horizon, as {@code vol-target} reads it.</li>
 *   <li>PSR, DSR (with the trials it is given: the configurations searched) and the stationary-bootstrap Sharpe interval on the
 *       portfolio's net returns; the Sharpe difference to the baseline model's portfolio, paired.</li>
 *   <li>Diebold–Mariano against the baseline model's portfolio on the cross-sectional mean loss per
 *       bar, {@code L_t = mean_a L(e_{a,t})} (squared and absolute), so the test runs on one time
 *       series of loss differences with the usual HLN correction.</li>
 *   <li>Pesaran–Timmermann on the model's direction calls pooled over the assets (every asset-bar a
 *       call): its variance treats calls as independent, so with correlated assets it overstates the
 *       evidence — read it as a guide.</li>
 * </ul>
 *
 * @param error      why the portfolio could not be formed (null when it was): e.g. no variance forecast
 *                   for a volatility weighting
 * @param contributions each asset's annualised contribution, {@code mean_t(contribution_{a,t}) × ppy}
 */
public record PortfolioEvaluation(String portfolio, String model, List<String> assets, Weighting weighting, int bars,
                                  Portfolio result, BacktestResult backtest, PerformanceMetrics metrics,
                                  double[] contributions, Significance significance, String error) {

    /** Settings shared by the portfolio's models. */
    public record Setup(String portfolio, List<String> assets, Weighting weighting, Portfolio.Settings settings,
                        CostModel costs, int horizon) {
        public Setup {
            assets = List.copyOf(assets);
        }
    }

    /**
     * The portfolio of one model.
     *
     * @param members the model's path in each asset's member experiment, in the order of {@code assets}
     */
    public static PortfolioEvaluation of(Setup setup, String model, List<ModelPath> members, Annualisation a) {
        List<String> assets = setup.assets();
        for (ModelPath p : members) {
            if (!p.traded() || p.bars().isEmpty()) {
                return failed(setup, model, "asset " + assets.get(members.indexOf(p)) + " has no traded bars");
            }
        }
        int[] common = commonBars(members);
        if (common.length < 2) {
            return failed(setup, model, "the assets share fewer than 2 forecast bars");
        }
        int m = assets.size();
        int n = common.length;
        double[][] positions = new double[m][n];
        double[][] returns = new double[m][n];
        double[][] variances = new double[m][n];
        Legs[][] legs = new Legs[m][n];
        int legged = 0;
        for (int k = 0; k < m; k++) {
            Map<Integer, BarRecord> byBar = byBar(members.get(k));
            for (int i = 0; i < n; i++) {
                BarRecord b = byBar.get(common[i]);
                positions[k][i] = b.position();
                returns[k][i] = b.assetReturn();
                variances[k][i] = b.variance() == null ? Double.NaN : b.variance() / setup.horizon();
                legs[k][i] = b.legs();
                legged += b.legs() == null ? 0 : 1;
            }
        }
        if (legged != 0 && legged != m * n) {
            return failed(setup, model, "some assets' bars record an execution's legs and some do not: a portfolio is"
                    + " traded under one execution");
        }
        if (setup.weighting() != Weighting.EQUAL) {
            for (int k = 0; k < m; k++) {
                if (Double.isNaN(variances[k][0])) {
                    return failed(setup, model, "no variance forecast on " + assets.get(k) + " (" + model
                            + " forecasts none): " + setup.weighting().yamlName() + " weights by the models' variance forecasts");
                }
            }
        }
        Portfolio p;
        try {
            // the common bars: the book restarts flat after a gap, as each asset's own backtest does
            p = Portfolio.combine(assets, setup.weighting(), positions, returns, legged == 0 ? null : legs, variances,
                    Collections.nCopies(m, setup.costs()), setup.settings(), common);
        } catch (IllegalArgumentException e) {
            return failed(setup, model, e.getMessage());
        }
        BacktestResult bt = BacktestResult.compounding(p.grossReturns(), p.costs(), p.netReturns(), p.turnover());
        double[] contributions = new double[m];
        for (int k = 0; k < m; k++) {
            contributions[k] = Arrays.stream(p.contributions()[k]).average().orElse(0) * a.periodsPerYear();
        }
        return new PortfolioEvaluation(setup.portfolio(), model, assets, setup.weighting(), n, p, bt,
                PerformanceMetrics.of(p.netReturns(), p.turnover(), a), contributions, null, null);
    }

    private static PortfolioEvaluation failed(Setup setup, String model, String why) {
        return new PortfolioEvaluation(setup.portfolio(), model, setup.assets(), setup.weighting(), 0, null, null, null,
                new double[0], null, why);
    }

    public boolean ok() {
        return error == null;
    }

    /**
     * This portfolio's tests against the baseline model's portfolio ({@code baseline} may be this one).
     *
     * @param members  this model's member paths, {@code baselineMembers} the baseline's, both in asset order
     */
    public PortfolioEvaluation tested(PortfolioEvaluation baseline, List<ModelPath> members, List<ModelPath> baselineMembers,
                                      Annualisation a, Significance.Trials trials, StationaryBootstrap bootstrap,
                                      int horizon) {
        if (!ok()) {
            return this;
        }
        boolean isBaseline = model.equals(baseline.model());
        double rfp = a.riskFreePerPeriod();
        double root = Math.sqrt(a.periodsPerYear());
        double[] net = backtest.netReturns();
        ReturnMoments moments = ReturnMoments.of(net, rfp);
        double psr = ProbabilisticSharpe.of(moments, 0);
        double dsr = DeflatedSharpe.of(moments, trials.count(), trials.sharpeVariance());
        double[] x = excess(net, rfp);
        StationaryBootstrap.Interval sharpe = bootstrap.interval(x.length, idx -> StationaryBootstrap.sharpe(x, idx) * root,
                0.95);
        int[] bars = commonBars(members);

        DieboldMariano.Result dmSq = null;
        DieboldMariano.Result dmAbs = null;
        StationaryBootstrap.Interval difference = null;
        if (!isBaseline) {
            // DM compares the members' forecasts: it needs the baseline's paths, not its portfolio
            List<ModelPath> both = new ArrayList<>(members);
            both.addAll(baselineMembers);
            int[] shared = commonBars(both);
            int c = shared.length;
            if (c >= 3 && horizon < c) {
                double[][] em = crossSectionalErrors(members, shared);
                double[][] eb = crossSectionalErrors(baselineMembers, shared);
                dmSq = DieboldMariano.test(em[0], eb[0], horizon, DieboldMariano.Loss.SQUARED);
                dmAbs = DieboldMariano.test(em[1], eb[1], horizon, DieboldMariano.Loss.ABSOLUTE);
            }
            if (c >= 2 && baseline.ok()) {
                double[] xm = excess(pick(net, bars, shared), rfp);
                double[] xb = excess(pick(baseline.backtest().netReturns(), commonBars(baselineMembers), shared), rfp);
                boolean flat = Arrays.stream(xb).allMatch(v -> v == xb[0]);
                difference = bootstrap.interval(c, idx -> (StationaryBootstrap.sharpe(xm, idx)
                        - (flat ? 0 : StationaryBootstrap.sharpe(xb, idx))) * root, 0.95);
            }
        }
        List<Double> actual = new ArrayList<>();
        List<Double> forecast = new ArrayList<>();
        Set<Integer> in = new HashSet<>();
        for (int b : bars) {
            in.add(b);
        }
        for (ModelPath path : members) {
            for (BarRecord b : path.bars()) {
                if (in.contains(b.bar())) {
                    actual.add(b.actualMove());
                    forecast.add(b.forecastMove());
                }
            }
        }
        long calls = 0;
        for (int i = 0; i < actual.size(); i++) {
            calls += actual.get(i) != 0 && forecast.get(i) != 0 ? 1 : 0;
        }
        PesaranTimmermann.Result pt = calls >= 2 ? PesaranTimmermann.test(
                actual.stream().mapToDouble(Double::doubleValue).toArray(),
                forecast.stream().mapToDouble(Double::doubleValue).toArray()) : null;
        Significance s = new Significance(portfolio, model, baseline.model(), dmSq, dmAbs, pt, psr, dsr, sharpe, null,
                difference);
        return new PortfolioEvaluation(portfolio, model, assets, weighting, this.bars, result, backtest, metrics,
                contributions, s, null);
    }

    /** Per shared bar: the root of the mean squared error over the assets, and the mean absolute error. */
    private static double[][] crossSectionalErrors(List<ModelPath> members, int[] shared) {
        double[][] out = new double[2][shared.length];
        for (ModelPath p : members) {
            Map<Integer, BarRecord> byBar = byBar(p);
            for (int i = 0; i < shared.length; i++) {
                BarRecord b = byBar.get(shared[i]);
                double e = b.forecast() - b.actual();
                out[0][i] += e * e / members.size();
                out[1][i] += Math.abs(e) / members.size();
            }
        }
        for (int i = 0; i < shared.length; i++) {
            out[0][i] = Math.sqrt(out[0][i]); // squared by the test's loss: the mean squared error again
        }
        return out;
    }

    private static double[] pick(double[] values, int[] bars, int[] wanted) {
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < bars.length; i++) {
            at.put(bars[i], i);
        }
        double[] out = new double[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            out[i] = values[at.get(wanted[i])];
        }
        return out;
    }

    /** The bars every path forecast, ascending. */
    static int[] commonBars(List<ModelPath> paths) {
        Set<Integer> common = null;
        for (ModelPath p : paths) {
            Set<Integer> bars = new LinkedHashSet<>();
            p.bars().forEach(b -> bars.add(b.bar()));
            if (common == null) {
                common = bars;
            } else {
                common.retainAll(bars);
            }
        }
        return common == null ? new int[0] : common.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static Map<Integer, BarRecord> byBar(ModelPath p) {
        Map<Integer, BarRecord> out = new HashMap<>();
        p.bars().forEach(b -> out.put(b.bar(), b));
        return out;
    }

    private static double[] excess(double[] r, double rfp) {
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] - rfp;
        }
        return x;
    }
}
