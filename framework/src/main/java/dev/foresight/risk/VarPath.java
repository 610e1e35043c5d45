package dev.foresight.risk;

import java.util.Arrays;
import java.util.List;

/**
 * A model's one-day VaR forecasts along its out-of-sample path, ready to backtest: for bar
 * {@code bars[i]}, the forecast mean and variance of the next bar's log return, the distribution
 * assumed for its standardised value (per bar, as a GARCH-t's ν differs by fold), and the log
 * return that was realised. Bars without a variance forecast (NaN) take no part.
 */
public record VarPath(int[] bars, double[] realised, double[] mean, double[] variance,
                      List<ReturnDistribution> distributions) {

    public VarPath {
        int n = bars.length;
        if (realised.length != n || mean.length != n || variance.length != n || distributions.size() != n) {
            throw new IllegalArgumentException("a VaR path needs one realised return, mean, variance and distribution per bar");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(realised[i]) || !Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("bar " + bars[i] + ": realised return " + realised[i] + " and mean "
                        + mean[i] + " must be finite");
            }
            if (!Double.isNaN(variance[i]) && !(variance[i] >= 0 && variance[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("bar " + bars[i] + ": variance " + variance[i]);
            }
        }
        distributions = List.copyOf(distributions);
    }

    /** Whether any bar has a variance forecast (else there is nothing to backtest). */
    public boolean forecastsVariance() {
        for (double v : variance) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Bar i failed: its realised return fell below −VaR at {@code level} (false where no forecast). */
    public boolean[] failures(double level) {
        boolean[] out = new boolean[bars.length];
        for (int i = 0; i < bars.length; i++) {
            out[i] = !Double.isNaN(variance[i])
                    && realised[i] < -distributions.get(i).valueAtRisk(mean[i], variance[i], level);
        }
        return out;
    }

    /** The backtest at {@code level} over the bars where {@code include} holds and a variance was forecast. */
    public VarBacktest backtest(double level, boolean[] include) {
        if (include.length != bars.length) {
            throw new IllegalArgumentException("include needs one entry per bar");
        }
        boolean[] in = new boolean[bars.length];
        for (int i = 0; i < bars.length; i++) {
            in[i] = include[i] && !Double.isNaN(variance[i]);
        }
        return VarBacktest.of(bars, failures(level), in, level);
    }

    /** The backtest at {@code level} over every bar with a variance forecast. */
    public VarBacktest backtest(double level) {
        boolean[] all = new boolean[bars.length];
        Arrays.fill(all, true);
        return backtest(level, all);
    }
}
