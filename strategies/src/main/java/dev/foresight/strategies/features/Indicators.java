package dev.foresight.strategies.features;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

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
        return firstFinite(i -> x[i], 0, x.length);
    }

    /**
     * Index of the first finite {@code x(i)} for {@code from ≤ i < end}; {@code end} if none. A last
     * row reads its series through the view, bar by bar, rather than as a whole array.
     */
    static int firstFinite(IntToDoubleFunction x, int from, int end) {
        int i = from;
        while (i < end && !Double.isFinite(x.applyAsDouble(i))) {
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
        int first = firstFinite(x) + n - 1;
        rollingSd(x, 0, n, sample, first, first, x.length - 1, out);
        return out;
    }

    /**
     * {@link #rollingSd(double[], int, boolean)}'s value at bar {@code t} alone, in O(n): run from
     * the last bar at or before {@code t} that the schedule re-sums at ({@link #resumedAt}), with the
     * same arithmetic as the whole pass, so the same bits. {@code x[i - base]} holds bar {@code i}
     * for bars {@code base = resumedAt(t, first, n) − n + 1} to {@code t}; {@code first} is where the
     * whole pass's values start ({@code firstFinite + n − 1} of the whole series), {@code ≤ t}.
     */
    static double rollingSdAt(double[] x, int base, int n, boolean sample, int first) {
        int t = base + x.length - 1;
        int from = resumedAt(t, first, n);
        if (first > t || base != from - n + 1) {
            throw new IllegalArgumentException("bars " + base + ".." + t + " for the window at " + t + " from " + first);
        }
        return rollingSd(x, base, n, sample, first, from, t, null);
    }

    /**
     * The last bar at or before {@code t} (≥ {@code first}) at which a carried window of {@code n}
     * re-sums on schedule: the carried state before it is not read after it, so a pass started there
     * gives the same bits from there on as a pass started at {@code first}.
     */
    static int resumedAt(int t, int first, int n) {
        return first + (t - first) / n * n;
    }

    /**
     * The carried rolling standard deviation over bars {@code from..to}, where {@code from} is
     * {@code first} (the first bar with a value) or a bar the schedule re-sums at; {@code x[i - base]}
     * holds bar {@code i} (bars from {@code from − n + 1} on are read). Writes bar {@code t}'s value
     * to {@code out[t]} unless {@code out} is null, and returns bar {@code to}'s.
     */
    private static double rollingSd(double[] x, int base, int n, boolean sample, int first, int from, int to,
                                    double[] out) {
        double mean = 0;
        double m2 = 0;
        double sd = Double.NaN;
        for (int t = from; t <= to; t++) {
            // re-summed on the schedule, and wherever a non-finite value enters, leaves or sits in
            // the window (a gap in the data): the carried sums cannot recover from a NaN
            if ((t - first) % n == 0 || !Double.isFinite(m2) || !Double.isFinite(x[t - base])
                    || !Double.isFinite(x[t - n - base])) {
                mean = mean(x, t - n + 1 - base, t - base);
                m2 = 0;
                for (int s = t - n + 1 - base; s <= t - base; s++) {
                    m2 += (x[s] - mean) * (x[s] - mean);
                }
            } else {
                double in = x[t - base];
                double gone = x[t - n - base];
                double next = mean + (in - gone) / n;
                m2 += (in - gone) * (in - next + gone - mean);
                mean = next;
            }
            sd = Math.sqrt(Math.max(0, m2) / (sample ? n - 1 : n));
            if (out != null) {
                out[t] = sd;
            }
        }
        return sd;
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
