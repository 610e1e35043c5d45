package dev.foresight.statistics;

/**
 * The per-period (not annualised) moments of a return series that the Sharpe-ratio tests need.
 *
 * @param n        number of periods
 * @param mean     mean of the (excess) returns
 * @param sd       sample standard deviation (divisor n − 1), as in the reported Sharpe ratio
 * @param sharpe   {@code mean / sd}, per period; NaN when {@code sd == 0}
 * @param skewness {@code m3 / m2^{3/2}} with central moments {@code m_k = (1/n) Σ (r − mean)^k}
 * @param kurtosis RAW kurtosis {@code m4 / m2²}: 3 for a normal distribution, not 0. (Feeding
 *                 excess kurtosis into the Sharpe-ratio variance is a common bug: it understates
 *                 the variance by {@code SR²/2}.)
 */
public record ReturnMoments(int n, double mean, double sd, double sharpe, double skewness, double kurtosis) {

    public ReturnMoments {
        if (n < 2) {
            throw new IllegalArgumentException("return moments need at least 2 periods, got " + n);
        }
    }

    /** Moments of {@code returns − riskFreePerPeriod}. */
    public static ReturnMoments of(double[] returns, double riskFreePerPeriod) {
        int n = returns.length;
        if (n < 2) {
            throw new IllegalArgumentException("return moments need at least 2 periods, got " + n);
        }
        double sum = 0;
        boolean constant = true;
        for (double r : returns) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("returns must be finite, got " + r);
            }
            sum += r - riskFreePerPeriod;
            constant &= r == returns[0];
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        if (!constant) {
            for (double r : returns) {
                double d = r - riskFreePerPeriod - mean;
                double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
        }
        double sd = Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double sharpe = sd == 0 ? Double.NaN : mean / sd;
        double skewness = m2 == 0 ? Double.NaN : m3 / Math.pow(m2, 1.5);
        double kurtosis = m2 == 0 ? Double.NaN : m4 / (m2 * m2);
        return new ReturnMoments(n, mean, sd, sharpe, skewness, kurtosis);
    }
}
