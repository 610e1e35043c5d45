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
     * Each value is computed from its own window, so a prefix of the prices gives a prefix of the
     * result, bit for bit.
     */
    static double[] of(double[] prices, int window) {
        int n = prices.length;
        double[] returns = new double[n];
        for (int t = 1; t < n; t++) {
            returns[t] = Math.log(prices[t] / prices[t - 1]);
        }
        double[] vol = new double[n];
        for (int t = 0; t < n; t++) {
            if (t < window) {
                vol[t] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (int s = t - window + 1; s <= t; s++) {
                mean += returns[s];
            }
            mean /= window;
            double ss = 0;
            for (int s = t - window + 1; s <= t; s++) {
                double d = returns[s] - mean;
                ss += d * d;
            }
            vol[t] = Math.sqrt(ss / (window - 1));
        }
        return vol;
    }
}
