package dev.foresight.reports.html;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.OutOfSample;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.BacktestOverfitting;
import dev.foresight.statistics.ForecastLoss;
import dev.foresight.statistics.ModelConfidenceSet;
import dev.foresight.statistics.StationaryBootstrap;
import dev.foresight.statistics.SuperiorPredictiveAbility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The multiple-comparison view of one experiment, computed from its models' joined out-of-sample
 * paths on the bars every model forecast: buy-and-hold on the same bars (the benchmark that trades),
 * each model's exposure, the 90% Model Confidence Set on the experiment's loss and on negative net
 * strategy returns (overall and per regime), Hansen's SPA test of the strategies against buy-and-hold,
 * the PBO over the experiment's grid configurations and the DSR of the best strategy deflated by the
 * configurations searched in this experiment. Deterministic: resamples are seeded by the batch seed.
 *
 * @param loss         the loss name ("MSE", "QLIKE", "Brier")
 * @param bars         bars common to every model (those compared)
 * @param models       per model, in configuration order
 * @param buyAndHold   the benchmark on the same bars; null when the experiment does not trade
 * @param spa          SPA of the traded models' net returns against buy-and-hold; null when not traded
 * @param spaModels    the models in the SPA test, in its order
 * @param pbo          PBO over the grid configurations; null without a model grid of 2+ traded configurations
 * @param pboModels    the configurations PBO compared
 * @param regimes      per detector, per regime: the models in the 90% MCS on the loss there (cells under 60 bars skipped)
 * @param regimeReturns per detector, per regime: the strategies (and {@value #BUY_AND_HOLD}) in the 90% MCS on
 *                      negative net returns there; empty when the experiment does not trade
 */
record Comparisons(String loss, int bars, List<ModelView> models, Benchmark buyAndHold,
                   SuperiorPredictiveAbility.Result spa, List<String> spaModels, BacktestOverfitting.Result pbo,
                   List<String> pboModels, Map<String, Map<String, List<String>>> regimes,
                   Map<String, Map<String, List<String>>> regimeReturns) {

    /** The benchmark's name among the strategies of a returns MCS. */
    static final String BUY_AND_HOLD = "buy-and-hold (benchmark)";

    /** Confidence of the model confidence sets shown. */
    static final double CONFIDENCE = 0.90;
    /** Mean block length of the stationary bootstrap (bars), as for the bootstrap intervals. */
    static final double BLOCK = 10;
    static final int REPLICATIONS = 1000;
    /** Partitions for CSCV: C(10, 5) = 252 combinations. */
    static final int PARTITIONS = 10;
    /** Regime cells need this many bars for an MCS. */
    static final int MIN_REGIME_BARS = 60;

    /**
     * One model.
     *
     * @param lossMcsP    MCS p-value (T_max) on the loss
     * @param returnMcsP  MCS p-value (T_max) on negative net returns, buy-and-hold included; null when not traded
     * @param exposure    null when not traded
     */
    record ModelView(String name, double meanLoss, double lossMcsP, Double returnMcsP, Exposure exposure) {

        boolean inLossSet() {
            return lossMcsP >= 1 - CONFIDENCE;
        }

        boolean inReturnSet() {
            return returnMcsP != null && returnMcsP >= 1 - CONFIDENCE;
        }
    }

    /**
     * Where a strategy was: shares of bars long / short / flat, and its beta to the asset (the slope
     * of its gross return on the asset's return: 1 for buy-and-hold, 0 for a model that never trades).
     */
    record Exposure(double longShare, double shortShare, double flatShare, double beta) {
    }

    /** Buy-and-hold on the compared bars: its figures, and its MCS p-value among the strategies. */
    record Benchmark(double sharpe, double annualReturn, double maxDrawdown, double returnMcsP, int[] bars,
                     double[] netReturns, double[] equity, double[] drawdown) {

        boolean inReturnSet() {
            return returnMcsP >= 1 - CONFIDENCE;
        }
    }

    /** The model and the other configurations of its grid entry (itself alone when it is not from a grid). */
    static List<ReportInput.ModelRun> family(ReportInput.Experiment e, String model) {
        return e.models().stream().filter(m -> dev.foresight.reports.summary.GridFamily.sameFamily(model, m.name())).toList();
    }

    /** {@code ar} for {@code ar.p-5}; null for a name not made by a grid ({@link dev.foresight.reports.summary.GridFamily}). */
    static String gridRoot(String name) {
        return dev.foresight.reports.summary.GridFamily.root(name);
    }

    static ForecastLoss lossOf(ReportInput.Experiment e) {
        if (e.volatility()) {
            return ForecastLoss.QLIKE;
        }
        return ForecastLoss.SQUARED;
    }

    static String lossName(ReportInput.Experiment e) {
        return Scores.lossName(e);
    }

    /** Per render, the comparisons already computed (several sections show them; computing is not free). */
    private static final ThreadLocal<Map<ReportInput.Experiment, Optional<Comparisons>>> CACHE = new ThreadLocal<>();

    /** Runs {@code render} with a cache of comparisons that lives as long as the call. */
    static <T> T cached(Supplier<T> render) {
        CACHE.set(new IdentityHashMap<>());
        try {
            return render.get();
        } finally {
            CACHE.remove();
        }
    }

    /** The experiment's comparisons (cached within a render); null when there is nothing to compare. */
    static Comparisons of(ReportInput in, ReportInput.Experiment e) {
        var cache = CACHE.get();
        if (cache == null) {
            return of(e, in.config().seed(), in.annualisation());
        }
        return cache.computeIfAbsent(e, x -> Optional.ofNullable(of(x, in.config().seed(), in.annualisation())))
                .orElse(null);
    }

    /** Null when fewer than two models have forecasts on common bars. */
    static Comparisons of(ReportInput.Experiment e, long seed, Annualisation a) {
        List<ReportInput.ModelRun> runs = e.models().stream().filter(m -> !m.path().bars().isEmpty()).toList();
        if (runs.size() < 2) {
            return null;
        }
        ForecastLoss lossFn = lossOf(e);
        // Bars every model forecast (and, for QLIKE, where every forecast and label is positive).
        TreeSet<Integer> common = null;
        for (ReportInput.ModelRun m : runs) {
            TreeSet<Integer> own = new TreeSet<>();
            for (BarRecord b : m.path().bars()) {
                if (lossFn != ForecastLoss.QLIKE || (b.actual() > 0 && b.forecast() > 0)) {
                    own.add(b.bar());
                }
            }
            if (common == null) {
                common = own;
            } else {
                common.retainAll(own);
            }
        }
        int n = common.size();
        if (n < 30) {
            return null;
        }
        int k = runs.size();
        double[][] loss = new double[k][n];
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int j = 0;
            for (BarRecord b : runs.get(i).path().bars()) {
                if (common.contains(b.bar())) {
                    loss[i][j++] = lossFn.of(b.forecast(), b.actual());
                    if (i == 0) {
                        labels.add(b.regimes());
                    }
                }
            }
        }
        StationaryBootstrap boot = new StationaryBootstrap(BLOCK, REPLICATIONS, seed);
        ModelConfidenceSet.Result lossMcs = ModelConfidenceSet.compute(loss, ModelConfidenceSet.Statistic.MAX, boot);

        Benchmark bh = null;
        SuperiorPredictiveAbility.Result spa = null;
        List<String> spaModels = new ArrayList<>();
        Double[] returnP = new Double[k];
        Exposure[] exposure = new Exposure[k];
        List<ReportInput.ModelRun> traded = runs.stream().filter(m -> m.path().traded()).toList();
        double[][] negReturns = null;
        if (!traded.isEmpty()) {
            // Buy-and-hold on the compared bars, charged like a strategy (entry cost, restart after gaps).
            List<BarRecord> path = new ArrayList<>();
            for (BarRecord b : traded.get(0).path().bars()) {
                if (common.contains(b.bar())) {
                    path.add(b.withPosition(1.0, b.assetReturn())); // keeps the bar's legs: bought at the same moment
                }
            }
            CostModel costs = new CostModel(e.config().costBps(), e.config().slippageBps());
            BacktestResult bhTest = OutOfSample.backtest(path, costs);
            negReturns = new double[traded.size() + 1][];
            for (int i = 0; i < traded.size(); i++) {
                negReturns[i] = negate(commonNet(traded.get(i), common));
            }
            negReturns[traded.size()] = negate(bhTest.netReturns());
            ModelConfidenceSet.Result retMcs = ModelConfidenceSet.compute(negReturns, ModelConfidenceSet.Statistic.MAX, boot);
            double[][] models = Arrays.copyOf(negReturns, traded.size());
            spa = SuperiorPredictiveAbility.test(negReturns[traded.size()], models, boot);
            for (int i = 0; i < traded.size(); i++) {
                int idx = runs.indexOf(traded.get(i));
                returnP[idx] = retMcs.pValues()[i];
                exposure[idx] = exposure(traded.get(i), common);
                spaModels.add(traded.get(i).name());
            }
            PerformanceMetrics pm = PerformanceMetrics.of(bhTest.netReturns(), bhTest.turnover(), a);
            bh = new Benchmark(pm.sharpe(), pm.annualReturn(), pm.maxDrawdown(), retMcs.pValues()[traded.size()],
                    path.stream().mapToInt(BarRecord::bar).toArray(), bhTest.netReturns(), bhTest.equity(), bhTest.drawdown());
        }
        List<ModelView> views = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            views.add(new ModelView(runs.get(i).name(), lossMcs.meanLoss()[i], lossMcs.pValues()[i], returnP[i], exposure[i]));
        }

        // PBO over the grid configurations that trade.
        List<ReportInput.ModelRun> grid = traded.stream().filter(m -> gridRoot(m.name()) != null).toList();
        BacktestOverfitting.Result pbo = null;
        List<String> pboModels = grid.stream().map(ReportInput.ModelRun::name).toList();
        if (grid.size() >= 2 && n >= 2 * PARTITIONS) {
            double[][] r = new double[grid.size()][];
            for (int i = 0; i < grid.size(); i++) {
                r[i] = commonNet(grid.get(i), common);
            }
            pbo = BacktestOverfitting.cscv(r, PARTITIONS);
        }

        // Per regime: the 90% MCS on the loss, on the regime's bars.
        Map<String, Map<String, List<String>>> regimes = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> regimeReturns = new LinkedHashMap<>();
        for (String detector : e.config().regimeNames()) {
            Map<String, List<Integer>> byRegime = new TreeMap<>();
            for (int t = 0; t < n; t++) {
                String label = labels.get(t).get(detector);
                if (label != null) {
                    byRegime.computeIfAbsent(label, x -> new ArrayList<>()).add(t);
                }
            }
            Map<String, List<String>> members = new LinkedHashMap<>();
            Map<String, List<String>> returnMembers = new LinkedHashMap<>();
            for (var cell : byRegime.entrySet()) {
                List<Integer> idx = cell.getValue();
                if (idx.size() < MIN_REGIME_BARS) {
                    continue;
                }
                double[][] sub = new double[k][idx.size()];
                for (int i = 0; i < k; i++) {
                    for (int t = 0; t < idx.size(); t++) {
                        sub[i][t] = loss[i][idx.get(t)];
                    }
                }
                var mcs = ModelConfidenceSet.compute(sub, ModelConfidenceSet.Statistic.MAX, boot);
                List<String> in = new ArrayList<>();
                for (int i : mcs.members(CONFIDENCE)) {
                    in.add(runs.get(i).name());
                }
                members.put(cell.getKey(), in);
                if (negReturns != null) {
                    // the strategies and buy-and-hold on the regime's bars: which earned the most there
                    double[][] subReturns = new double[negReturns.length][idx.size()];
                    for (int i = 0; i < negReturns.length; i++) {
                        for (int t = 0; t < idx.size(); t++) {
                            subReturns[i][t] = negReturns[i][idx.get(t)];
                        }
                    }
                    var ret = ModelConfidenceSet.compute(subReturns, ModelConfidenceSet.Statistic.MAX, boot);
                    List<String> winners = new ArrayList<>();
                    for (int i : ret.members(CONFIDENCE)) {
                        winners.add(i < traded.size() ? traded.get(i).name() : BUY_AND_HOLD);
                    }
                    returnMembers.put(cell.getKey(), winners);
                }
            }
            regimes.put(detector, members);
            if (negReturns != null) {
                regimeReturns.put(detector, returnMembers);
            }
        }
        return new Comparisons(lossName(e), n, views, bh, spa, spaModels, pbo, pboModels, regimes, regimeReturns);
    }

    private static double[] commonNet(ReportInput.ModelRun m, Set<Integer> common) {
        List<BarRecord> bars = m.path().bars();
        double[] net = m.path().backtest().netReturns();
        double[] out = new double[common.size()];
        int j = 0;
        for (int i = 0; i < bars.size(); i++) {
            if (common.contains(bars.get(i).bar())) {
                out[j++] = net[i];
            }
        }
        return out;
    }

    private static double[] negate(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
        return out;
    }

    /** Shares of positions and the OLS beta of position × asset return on the asset return, on the compared bars (the model's own records). */
    static Exposure exposure(ReportInput.ModelRun m, Set<Integer> common) {
        int n = common.size();
        double[] gross = new double[n];
        double[] asset = new double[n];
        int longs = 0;
        int shorts = 0;
        int j = 0;
        for (BarRecord b : m.path().bars()) {
            if (common.contains(b.bar())) {
                longs += b.position() > 0 ? 1 : 0;
                shorts += b.position() < 0 ? 1 : 0;
                asset[j] = b.assetReturn();
                gross[j++] = b.grossReturn(); // position × asset return at the close; the two-leg return at the next open
            }
        }
        double ma = 0;
        double mg = 0;
        for (int t = 0; t < n; t++) {
            ma += asset[t];
            mg += gross[t];
        }
        ma /= n;
        mg /= n;
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < n; t++) {
            sxx += (asset[t] - ma) * (asset[t] - ma);
            sxy += (asset[t] - ma) * (gross[t] - mg);
        }
        return new Exposure((double) longs / n, (double) shorts / n, (double) (n - longs - shorts) / n,
                sxx > 0 ? sxy / sxx : Double.NaN);
    }
}
