package dev.foresight.strategies.features;

import java.util.Arrays;

/**
 * Causal building blocks shared by the technical feature sets. Every function maps an input
 * column to an output column of the same length; a value that does not exist yet is NaN, never
 * filled. Output {@code t} reads inputs {@code ≤ t} only, and any running sum is re-summed on a
 * schedule fixed by the bar's index, so a series cut at {@code t} gives bit-identical values up to
 * {@code t}.
 */
final class Indicators {

    private Indicators() {
    }

    /** Index of the first finite value (inputs may start with a NaN warm-up); length if none. */
    static int firstFinite(double[] x) {
        int i = 0;
        while (i < x.length && !Double.isFinite(x[i])) {
            i++;
        }
        return i;
    }

    /** Simple moving average of the last {@code n} values, defined once {@code n} finite values exist. */
    static double[] sma(double[] x, int n) {
        double[] out = nan(x.length);
        int start = firstFinite(x);
        for (int t = start + n - 1; t < x.length; t++) {
            out[t] = mean(x, t - n + 1, t);
        }
        return out;
    }

    /**
     * Exponential moving average with {@code α = 2 / (n + 1)}, seeded the TA-Lib/StockCharts way:
     * the first value (at the {@code n}-th finite input) is the simple mean of the first {@code n}
     * inputs, then {@code ema(t) = ema(t-1) + α (x(t) − ema(t-1))}.
     */
    static double[] ema(double[] x, int n) {
        double[] out = nan(x.length);
        int start = firstFinite(x);
        int seed = start + n - 1;
        if (seed >= x.length) {
            return out;
        }
        double alpha = 2.0 / (n + 1);
        double value = mean(x, start, seed);
        out[seed] = value;
        for (int t = seed + 1; t < x.length; t++) {
            value = value + alpha * (x[t] - value);
            out[t] = value;
        }
        return out;
    }

    /**
     * Standard deviation of the last {@code n} values; {@code sample}: divide by n−1, else by n.
     *
     * <p>O(length), not O(length·n): the truncation check recomputes every feature on a history cut
     * at each test bar, so this runs once per test bar over the whole history. The window's mean and
     * sum of squared deviations are carried from bar to bar (one value in, one out, Welford's
     * update: no sum-of-squares cancellation) and summed afresh from the window itself every
     * {@code n} bars, which bounds the rounding drift. When a bar is re-summed depends on its index
     * alone, so a series cut at {@code t} still gives bit-identical values up to {@code t}.
     */
    static double[] rollingSd(double[] x, int n, boolean sample) {
        double[] out = nan(x.length);
        int start = firstFinite(x);
        double mean = 0;
        double m2 = 0;
        for (int t = start + n - 1; t < x.length; t++) {
            // re-summed on the schedule, and wherever a non-finite value enters, leaves or sits in
            // the window (a gap in the data): the carried sums cannot recover from a NaN
            if ((t - (start + n - 1)) % n == 0 || !Double.isFinite(m2) || !Double.isFinite(x[t])
                    || !Double.isFinite(x[t - n])) {
                mean = mean(x, t - n + 1, t);
                m2 = 0;
                for (int s = t - n + 1; s <= t; s++) {
                    m2 += (x[s] - mean) * (x[s] - mean);
                }
            } else {
                double in = x[t];
                double gone = x[t - n];
                double next = mean + (in - gone) / n;
                m2 += (in - gone) * (in - next + gone - mean);
                mean = next;
            }
            out[t] = Math.sqrt(Math.max(0, m2) / (sample ? n - 1 : n));
        }
        return out;
    }

    /** One-bar log returns {@code log(p(t)/p(t-1))}; NaN at bar 0. */
    static double[] logReturns(double[] prices) {
        double[] out = nan(prices.length);
        for (int t = 1; t < prices.length; t++) {
            out[t] = Math.log(prices[t] / prices[t - 1]);
        }
        return out;
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int s = from; s <= to; s++) {
            sum += x[s];
        }
        return sum / (to - from + 1);
    }

    static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
