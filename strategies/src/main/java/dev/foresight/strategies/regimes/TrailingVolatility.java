package dev.foresight.strategies.regimes;

import dev.foresight.data.SeriesView;
import java.util.Arrays;

/**
 * Realised volatility of the last {@code window} one-bar log returns: the sample standard
 * deviation (divisor {@code window - 1}), not annualised, since only its rank against the
 * training window matters.
 */
final class TrailingVolatility {

    private TrailingVolatility() {
    }

    /**
     * Volatility at each bar: at bar {@code t} it uses the returns ending at bars
     * {@code t-window+1..t}, i.e. prices {@code t-window..t}; NaN for {@code t < window}.
     *
     * <p>O(n), not O(n·window): the truncation check relabels a history cut at every test bar, so
     * this runs once per test bar over the whole history. The window's mean and sum of squared
     * deviations are carried from bar to bar (one return in, one out, Welford's update) and summed afresh from the window itself
     * every {@code window} bars, which keeps the rounding drift to a few units in the last place.
     * When a bar is re-summed depends on its index alone, so a prefix of the prices still gives a
     * prefix of the result, bit for bit — the property the check tests.
     */
    static double[] of(double[] prices, int window) {
        int n = prices.length;
        double[] returns = new double[n];
        for (int t = 1; t < n; t++) {
            returns[t] = Math.log(prices[t] / prices[t - 1]);
        }
        double[] vol = new double[n];
        Arrays.fill(vol, 0, Math.min(n, window), Double.NaN);
        carried(returns, 0, window, window, n - 1, vol);
        return vol;
    }

    /**
     * The volatility {@link #of} gives the view's last bar, from the last bar at or before it that
     * the schedule re-sums at: the same arithmetic over the last ~2 windows of returns, so the same
     * bits in O(window) instead of a pass over the history (the truncation check asks at every
     * test bar).
     */
    static double last(SeriesView series, int window) {
        int t = series.last();
        if (t < window) {
            return Double.NaN;
        }
        int from = window + (t - window) / window * window;
        int base = from - window + 1;   // ≥ 1: bar 0 has no return
        double[] returns = new double[t - base + 1];
        for (int s = base; s <= t; s++) {
            returns[s - base] = Math.log(series.price(s) / series.price(s - 1));
        }
        return carried(returns, base, window, from, t, null);
    }

    /**
     * Bars {@code from..to}, where {@code from} is {@code window} or a bar the schedule re-sums at;
     * {@code returns[i - base]} holds bar {@code i}'s return (bars from {@code from − window + 1}
     * on are read). Writes bar {@code t}'s value to {@code vol[t]} unless {@code vol} is null and
     * returns bar {@code to}'s.
     */
    private static double carried(double[] returns, int base, int window, int from, int to, double[] vol) {
        double mean = 0;
        double m2 = 0;   // sum of squared deviations from the window's mean
        double sd = Double.NaN;
        for (int t = from; t <= to; t++) {
            // re-summed on the schedule, and wherever a non-finite return (a zero or missing price)
            // enters, leaves or sits in the window: the carried sums cannot recover from a NaN
            if ((t - window) % window == 0 || !Double.isFinite(m2) || !Double.isFinite(returns[t - base])
                    || !Double.isFinite(returns[t - window - base])) {
                mean = 0;
                for (int s = t - window + 1 - base; s <= t - base; s++) {
                    mean += returns[s];
                }
                mean /= window;
                m2 = 0;
                for (int s = t - window + 1 - base; s <= t - base; s++) {
                    double d = returns[s] - mean;
                    m2 += d * d;
                }
            } else {
                // one return in, one out, in Welford's form (no sum-of-squares cancellation)
                double in = returns[t - base];
                double out = returns[t - window - base];
                double next = mean + (in - out) / window;
                m2 += (in - out) * (in - next + out - mean);
                mean = next;
            }
            sd = Math.sqrt(Math.max(0, m2) / (window - 1));
            if (vol != null) {
                vol[t] = sd;
            }
        }
        return sd;
    }
}
