package dev.foresight.statistics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The probabilistic Sharpe ratio of Bailey and López de Prado, "The Sharpe Ratio Efficient
 * Frontier", Journal of Risk 15(2), 2012: the probability that the true Sharpe ratio exceeds a
 * benchmark {@code SR*}, given the observed per-period Sharpe ratio {@code SR} over {@code n}
 * periods, the skewness {@code γ3} and the RAW kurtosis {@code γ4} of the returns:
 * <pre>
 *   PSR(SR*) = Φ( (SR − SR*) √(n − 1) / √(1 − γ3 SR + (γ4 − 1)/4 · SR²) )
 * </pre>
 * All Sharpe ratios here are per period (not annualised): divide an annual figure by √ppy.
 * For normal returns ({@code γ3 = 0, γ4 = 3}) the denominator is Lo's (2002) {@code √(1 + SR²/2)}.
 */
public final class ProbabilisticSharpe {

    static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private ProbabilisticSharpe() {
    }

    /**
     * @param sharpe    observed per-period Sharpe ratio
     * @param benchmark per-period benchmark {@code SR*}
     * @param n         number of returns ({@code ≥ 2})
     * @param skewness  {@code γ3}
     * @param kurtosis  RAW kurtosis {@code γ4} (3 for normal returns)
     * @return PSR in [0, 1]; NaN when an input is NaN or the variance term is not positive
     */
    public static double psr(double sharpe, double benchmark, int n, double skewness, double kurtosis) {
        if (n < 2) {
            throw new IllegalArgumentException("PSR needs at least 2 returns, got " + n);
        }
        double z = z(sharpe, benchmark, n, skewness, kurtosis);
        return Double.isNaN(z) ? Double.NaN : NORMAL.cumulativeProbability(z);
    }

    /** The z-score inside Φ; NaN when undefined. */
    static double z(double sharpe, double benchmark, int n, double skewness, double kurtosis) {
        double v = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(v > 0)) {
            return Double.NaN;
        }
        return (sharpe - benchmark) * Math.sqrt(n - 1) / Math.sqrt(v);
    }

    /** PSR of a return series against a per-period benchmark, from its {@link ReturnMoments}. */
    public static double of(ReturnMoments m, double benchmark) {
        return psr(m.sharpe(), benchmark, m.n(), m.skewness(), m.kurtosis());
    }
}
