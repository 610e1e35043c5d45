package dev.foresight.evaluation;

import dev.foresight.metrics.Annualisation;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.DeflatedSharpe;
import dev.foresight.statistics.DieboldMariano;
import dev.foresight.statistics.PesaranTimmermann;
import dev.foresight.statistics.ProbabilisticSharpe;
import dev.foresight.statistics.ReturnMoments;
import dev.foresight.statistics.StationaryBootstrap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests of one model of an experiment, over its whole out-of-sample path:
 * <ul>
 *   <li>Diebold–Mariano against the experiment's baseline, squared and absolute loss of the
 *       forecast errors ({@code forecast − actual}) on the bars both forecast, horizon = the
 *       target's; null for the baseline itself;</li>
 *   <li>Pesaran–Timmermann on the model's direction calls;</li>
 *   <li>for traded targets: PSR against a Sharpe ratio of 0, DSR with the trials of the configurations searched within the experiment, and
 *       stationary-bootstrap percentile intervals of the annualised Sharpe ratio, of the hit rate,
 *       and of the annualised Sharpe ratio minus the baseline's (paired resampling of the common
 *       bars; a baseline with constant returns, which takes no risk, counts as Sharpe 0).</li>
 * </ul>
 * Sharpe ratios in PSR/DSR are per period of the excess net returns; the intervals are annualised
 * like the reported Sharpe ratio ({@code × √ppy}).
 *
 * @param dmSquared        null for the baseline or fewer than 3 common bars
 * @param pesaranTimmermann null with fewer than 2 direction calls
 * @param psr              NaN when not traded or undefined
 */
public record Significance(String experiment, String model, String baseline, DieboldMariano.Result dmSquared,
                           DieboldMariano.Result dmAbsolute, PesaranTimmermann.Result pesaranTimmermann, double psr,
                           double dsr, StationaryBootstrap.Interval sharpe, StationaryBootstrap.Interval hitRate,
                           StationaryBootstrap.Interval sharpeDifference) {

    /** The batch-level inputs of the deflated Sharpe ratio. */
    public record Trials(int count, double sharpeVariance) {
        public Trials {
            if (count < 1) {
                throw new IllegalArgumentException("at least one trial, got " + count);
            }
        }

        /**
         * From the per-period Sharpe ratios of the configurations searched (the caller picks them: the
         * traded configurations of the model's grid entry within its experiment, see the README's
         * "Deflated Sharpe ratio"): N = how many are finite, V = their sample variance (0 for one trial).
         */
        public static Trials of(List<Double> sharpes) {
            double[] s = sharpes.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).toArray();
            if (s.length == 0) {
                return new Trials(1, 0);
            }
            double mean = Arrays.stream(s).average().orElse(0);
            double ss = 0;
            for (double x : s) {
                ss += (x - mean) * (x - mean);
            }
            return new Trials(s.length, s.length < 2 ? 0 : ss / (s.length - 1));
        }
    }

    /** Per-period Sharpe ratio of a traded path's excess net returns; NaN when undefined. */
    public static double perPeriodSharpe(ModelPath path, Annualisation a) {
        if (!path.traded() || path.bars().size() < 2) {
            return Double.NaN;
        }
        return ReturnMoments.of(path.backtest().netReturns(), a.riskFreePerPeriod()).sharpe();
    }

    public static Significance of(ModelPath model, ModelPath baseline, Annualisation a, Trials trials,
                                  StationaryBootstrap bootstrap) {
        List<BarRecord> bars = model.bars();
        boolean isBaseline = model.model().equals(baseline.model());

        // Common bars with the baseline, by bar index.
        Map<Integer, Integer> baseIndex = new HashMap<>();
        for (int i = 0; i < baseline.bars().size(); i++) {
            baseIndex.put(baseline.bars().get(i).bar(), i);
        }
        int[] mi = new int[bars.size()];
        int[] bi = new int[bars.size()];
        int common = 0;
        for (int i = 0; i < bars.size(); i++) {
            Integer j = baseIndex.get(bars.get(i).bar());
            if (j != null) {
                mi[common] = i;
                bi[common] = j;
                common++;
            }
        }

        DieboldMariano.Result dmSq = null;
        DieboldMariano.Result dmAbs = null;
        if (!isBaseline && common >= 3 && model.horizon() < common) {
            double[] em = new double[common];
            double[] eb = new double[common];
            for (int k = 0; k < common; k++) {
                BarRecord m = bars.get(mi[k]);
                BarRecord b = baseline.bars().get(bi[k]);
                em[k] = m.forecast() - m.actual();
                eb[k] = b.forecast() - b.actual();
            }
            dmSq = DieboldMariano.test(em, eb, model.horizon(), DieboldMariano.Loss.SQUARED);
            dmAbs = DieboldMariano.test(em, eb, model.horizon(), DieboldMariano.Loss.ABSOLUTE);
        }

        double[] actualMove = bars.stream().mapToDouble(BarRecord::actualMove).toArray();
        double[] forecastMove = bars.stream().mapToDouble(BarRecord::forecastMove).toArray();
        int calls = 0;
        for (int i = 0; i < bars.size(); i++) {
            calls += judged(actualMove[i], forecastMove[i]) ? 1 : 0;
        }
        PesaranTimmermann.Result pt = calls >= 2 ? PesaranTimmermann.test(actualMove, forecastMove) : null;
        StationaryBootstrap.Interval hit = calls >= 2 ? bootstrap.interval(bars.size(), idx -> {
            int c = 0;
            int h = 0;
            for (int i : idx) {
                if (judged(actualMove[i], forecastMove[i])) {
                    c++;
                    h += (actualMove[i] > 0) == (forecastMove[i] > 0) ? 1 : 0;
                }
            }
            return c == 0 ? Double.NaN : (double) h / c;
        }, 0.95) : null;

        double psr = Double.NaN;
        double dsr = Double.NaN;
        StationaryBootstrap.Interval sharpe = null;
        StationaryBootstrap.Interval difference = null;
        if (model.traded() && bars.size() >= 2) {
            double rfp = a.riskFreePerPeriod();
            double root = Math.sqrt(a.periodsPerYear());
            double[] x = excess(model.backtest().netReturns(), rfp);
            ReturnMoments moments = ReturnMoments.of(model.backtest().netReturns(), rfp);
            psr = ProbabilisticSharpe.of(moments, 0);
            dsr = DeflatedSharpe.of(moments, trials.count(), trials.sharpeVariance());
            sharpe = bootstrap.interval(x.length, idx -> StationaryBootstrap.sharpe(x, idx) * root, 0.95);
            if (!isBaseline && baseline.traded() && common >= 2) {
                double[] xm = new double[common];
                double[] xb = new double[common];
                double[] xbAll = excess(baseline.backtest().netReturns(), rfp);
                for (int k = 0; k < common; k++) {
                    xm[k] = x[mi[k]];
                    xb[k] = xbAll[bi[k]];
                }
                // A baseline that never takes risk (constant returns: the random walk's zero forecast
                // trades nothing) has no Sharpe ratio; it counts as 0, so the difference is the model's.
                boolean flat = Arrays.stream(xb).allMatch(v -> v == xb[0]);
                difference = bootstrap.interval(common, idx -> (StationaryBootstrap.sharpe(xm, idx)
                        - (flat ? 0 : StationaryBootstrap.sharpe(xb, idx))) * root, 0.95);
            }
        }
        return new Significance(model.experiment(), model.model(), baseline.model(), dmSq, dmAbs, pt, psr, dsr, sharpe,
                hit, difference);
    }

    private static boolean judged(double a, double f) {
        return a != 0 && f != 0 && !Double.isNaN(a) && !Double.isNaN(f);
    }

    private static double[] excess(double[] r, double rfp) {
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] - rfp;
        }
        return x;
    }
}
