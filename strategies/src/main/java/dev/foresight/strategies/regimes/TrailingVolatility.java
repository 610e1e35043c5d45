package dev.foresight.strategies.regimes;

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
        double mean = 0;
        double m2 = 0;   // sum of squared deviations from the window's mean
        for (int t = 0; t < n; t++) {
            if (t < window) {
                vol[t] = Double.NaN;
                continue;
            }
            // re-summed on the schedule, and wherever a non-finite return (a zero or missing price)
            // enters, leaves or sits in the window: the carried sums cannot recover from a NaN
            if ((t - window) % window == 0 || !Double.isFinite(m2) || !Double.isFinite(returns[t])
                    || !Double.isFinite(returns[t - window])) {
                mean = 0;
                for (int s = t - window + 1; s <= t; s++) {
                    mean += returns[s];
                }
                mean /= window;
                m2 = 0;
                for (int s = t - window + 1; s <= t; s++) {
                    double d = returns[s] - mean;
                    m2 += d * d;
                }
            } else {
                // one return in, one out, in Welford's form (no sum-of-squares cancellation)
                double in = returns[t];
                double out = returns[t - window];
                double next = mean + (in - out) / window;
                m2 += (in - out) * (in - next + out - mean);
                mean = next;
            }
            vol[t] = Math.sqrt(Math.max(0, m2) / (window - 1));
        }
        return vol;
    }
}
