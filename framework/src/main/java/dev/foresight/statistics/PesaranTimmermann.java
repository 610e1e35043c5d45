package dev.foresight.statistics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Pesaran–Timmermann (1992) test of market timing: do forecast directions agree with actual
 * directions more often than forecasts independent of the outcome would?
 *
 * <p>Over the {@code n} bars where both the forecast's and the actual move are non-zero (the same
 * "calls" as the hit rate), with {@code P} the hit rate, {@code p_y} the share of up moves,
 * {@code p_x} the share of up forecasts:
 * <pre>
 *   P*     = p_y p_x + (1 − p_y)(1 − p_x)                     hit rate of independent forecasts
 *   V(P)   = P*(1 − P*) / n
 *   V(P*)  = (2p_y − 1)² p_x(1 − p_x) / n + (2p_x − 1)² p_y(1 − p_y) / n + 4 p_y p_x (1 − p_y)(1 − p_x) / n²
 *   PT     = (P − P*) / √(V(P) − V(P*))                       asymptotically N(0, 1)
 *   p      = 1 − Φ(PT)                                        one-sided: skill means PT > 0
 * </pre>
 * When every forecast (or every outcome) points the same way, {@code V(P) = V(P*)}: the test is
 * undefined and the statistic and p-value are NaN (buy-and-hold cannot show timing skill).
 */
public final class PesaranTimmermann {

    /**
     * @param n               bars judged (both moves non-zero)
     * @param hitRate         {@code P}
     * @param independentRate {@code P*}
     * @param statistic       {@code PT}
     * @param pValue          one-sided p-value {@code 1 − Φ(PT)}
     */
    public record Result(int n, double hitRate, double independentRate, double statistic, double pValue) {
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private PesaranTimmermann() {
    }

    /**
     * @param actualMove   positive = up, negative = down, 0 or NaN = no direction (skipped)
     * @param forecastMove same convention
     * @throws IllegalArgumentException for mismatched lengths or fewer than 2 judged bars
     */
    public static Result test(double[] actualMove, double[] forecastMove) {
        if (actualMove.length != forecastMove.length) {
            throw new IllegalArgumentException("actual and forecast moves differ in length: " + actualMove.length
                    + " vs " + forecastMove.length);
        }
        int n = 0;
        int hits = 0;
        int actualUp = 0;
        int forecastUp = 0;
        for (int t = 0; t < actualMove.length; t++) {
            double a = actualMove[t];
            double f = forecastMove[t];
            if (a == 0 || f == 0 || Double.isNaN(a) || Double.isNaN(f)) {
                continue;
            }
            n++;
            hits += (a > 0) == (f > 0) ? 1 : 0;
            actualUp += a > 0 ? 1 : 0;
            forecastUp += f > 0 ? 1 : 0;
        }
        if (n < 2) {
            throw new IllegalArgumentException("the Pesaran–Timmermann test needs at least 2 bars with a direction, got " + n);
        }
        double p = (double) hits / n;
        double py = (double) actualUp / n;
        double px = (double) forecastUp / n;
        double pStar = py * px + (1 - py) * (1 - px);
        double vP = pStar * (1 - pStar) / n;
        double vPStar = sq(2 * py - 1) * px * (1 - px) / n + sq(2 * px - 1) * py * (1 - py) / n
                + 4 * py * px * (1 - py) * (1 - px) / ((double) n * n);
        double v = vP - vPStar;
        double statistic = v > 1e-15 * vP ? (p - pStar) / Math.sqrt(v) : Double.NaN;
        double pValue = Double.isNaN(statistic) ? Double.NaN : NORMAL.cumulativeProbability(-statistic);
        return new Result(n, p, pStar, statistic, pValue);
    }

    private static double sq(double x) {
        return x * x;
    }
}
