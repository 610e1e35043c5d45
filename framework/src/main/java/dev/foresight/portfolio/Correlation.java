package dev.foresight.portfolio;

/** Sample correlation of the assets' returns over a trailing window, causal. */
final class Correlation {

    private Correlation() {
    }

    /**
     * The correlation matrix at the close of bar t from the returns of bars
     * {@code max(0, t − window)..t − 1}: {@code returns[a][s]} runs from the close of s to that of
     * s + 1, so at the close of t the last one known is s = t − 1. With fewer than two returns, or an
     * asset whose returns are constant over the window, its correlations are taken as 0 (the
     * identity): no estimate, no assumed diversification beyond independence.
     */
    static double[][] trailing(double[][] returns, int t, int window) {
        int m = returns.length;
        int from = Math.max(0, t - window);
        int k = t - from;
        double[][] r = new double[m][m];
        double[] mean = new double[m];
        double[] sd = new double[m];
        for (int a = 0; a < m; a++) {
            r[a][a] = 1;
            if (k < 2) {
                continue;
            }
            for (int s = from; s < t; s++) {
                mean[a] += returns[a][s] / k;
            }
            double ss = 0;
            for (int s = from; s < t; s++) {
                double d = returns[a][s] - mean[a];
                ss += d * d;
            }
            sd[a] = Math.sqrt(ss / (k - 1));
        }
        if (k < 2) {
            return r;
        }
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (sd[a] == 0 || sd[b] == 0) {
                    continue;
                }
                double c = 0;
                for (int s = from; s < t; s++) {
                    c += (returns[a][s] - mean[a]) * (returns[b][s] - mean[b]);
                }
                double rho = Math.max(-1, Math.min(1, c / (k - 1) / (sd[a] * sd[b])));
                r[a][b] = rho;
                r[b][a] = rho;
            }
        }
        return r;
    }
}
