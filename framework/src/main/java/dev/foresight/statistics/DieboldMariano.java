package dev.foresight.statistics;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold–Mariano (1995) test of equal forecast accuracy, with the Harvey, Leybourne and
 * Newbold (1997) small-sample correction.
 *
 * <p>With loss differential {@code d_t = L(e_model,t) − L(e_baseline,t)} over {@code n} bars,
 * {@code d̄ = mean(d)} and autocovariances {@code γ_k = (1/n) Σ_{t=k+1..n} (d_t − d̄)(d_{t−k} − d̄)}:
 * <pre>
 *   V     = (γ_0 + 2 Σ_{k=1..h−1} γ_k) / n                       long-run variance of d̄ (h−1 lags:
 *                                                                  an h-step forecast error is MA(h−1))
 *   V_NW  = (γ_0 + 2 Σ_{k=1..h−1} (1 − k/h) γ_k) / n              Newey–West (Bartlett) fallback,
 *                                                                  used only when V ≤ 0
 *   DM    = d̄ / √V
 *   HLN   = DM · √((n + 1 − 2h + h(h−1)/n) / n)
 *   p     = 2 · P(T_{n−1} > |HLN|)                                 two-sided, Student-t with n−1 df
 * </pre>
 * A negative statistic means the model's loss is smaller than the baseline's. When {@code d} is
 * constant (e.g. a model compared with itself) the variance is 0 and the statistic and p-value are
 * NaN: there is nothing to test.
 */
public final class DieboldMariano {

    /** The loss applied to each forecast error. */
    public enum Loss {
        /** {@code e²}; for a probability forecast of a 0/1 outcome this is the Brier score. */
        SQUARED,
        /**
         * {@code |e|}. Not for probability forecasts: it is minimised by pushing P(up) to 0 or 1 (the
         * median of a 0/1 outcome), not by the true probability, so it rewards overconfidence.
         */
        ABSOLUTE,
        /**
         * Log loss (cross-entropy) of a probability forecast {@code p} of a 0/1 outcome {@code y}:
         * {@code −[y ln p + (1 − y) ln(1 − p)]}. With {@code e = p − y} this is {@code −ln(1 − |e|)} for
         * either outcome; {@code 1 − |e|} is floored at 1e-15 (a certain forecast that was wrong costs
         * ln 1e15 ≈ 34.5, as scikit-learn's clipping does). Errors outside [−1, 1] are not probability
         * errors and are refused.
         */
        LOG;

        /** Floor of the probability given to the outcome that happened, in {@link #LOG}. */
        static final double LOG_FLOOR = 1e-15;

        double of(double error) {
            return switch (this) {
                case SQUARED -> error * error;
                case ABSOLUTE -> Math.abs(error);
                case LOG -> {
                    if (!(Math.abs(error) <= 1)) {
                        throw new IllegalArgumentException("log loss needs probability errors in [-1, 1] (P(up) − outcome), got " + error);
                    }
                    yield -Math.log(Math.max(1 - Math.abs(error), LOG_FLOOR));
                }
            };
        }
    }

    /**
     * @param n                number of bars compared
     * @param horizon          forecast horizon h (h−1 autocovariances enter the variance)
     * @param loss             loss function
     * @param meanDifference   {@code d̄}, mean loss of the model minus the baseline's
     * @param longRunVariance  the variance of {@code d̄} actually used
     * @param neweyWest        true when the plain estimate was ≤ 0 and the Bartlett-weighted one was used
     * @param dm               the uncorrected DM statistic
     * @param statistic        the HLN-corrected statistic
     * @param pValue           two-sided p-value from Student-t with n−1 degrees of freedom
     */
    public record Result(int n, int horizon, Loss loss, double meanDifference, double longRunVariance,
                         boolean neweyWest, double dm, double statistic, double pValue) {
    }

    private DieboldMariano() {
    }

    /**
     * Tests whether the model's and the baseline's forecast errors (forecast − actual, bar by bar,
     * same bars) have equal expected loss.
     *
     * @throws IllegalArgumentException for mismatched lengths, fewer than 3 bars, non-finite errors,
     *                                  or a horizon outside {@code 1..n−1}
     */
    public static Result test(double[] modelErrors, double[] baselineErrors, int horizon, Loss loss) {
        Objects.requireNonNull(loss, "loss");
        int n = modelErrors.length;
        if (baselineErrors.length != n) {
            throw new IllegalArgumentException("model and baseline errors differ in length: " + n + " vs "
                    + baselineErrors.length);
        }
        if (n < 3) {
            throw new IllegalArgumentException("the Diebold–Mariano test needs at least 3 bars, got " + n);
        }
        if (horizon < 1 || horizon >= n) {
            throw new IllegalArgumentException("horizon must be in 1.." + (n - 1) + ", got " + horizon);
        }
        double[] d = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(modelErrors[t]) || !Double.isFinite(baselineErrors[t])) {
                throw new IllegalArgumentException("forecast errors must be finite (bar " + t + ")");
            }
            d[t] = loss.of(modelErrors[t]) - loss.of(baselineErrors[t]);
            sum += d[t];
        }
        double mean = sum / n;
        double[] gamma = new double[horizon];
        boolean constant = true;
        for (int t = 1; t < n; t++) {
            constant &= d[t] == d[0];
        }
        for (int k = 0; k < horizon; k++) {
            double s = 0;
            for (int t = k; t < n; t++) {
                s += (d[t] - mean) * (d[t - k] - mean);
            }
            gamma[k] = constant ? 0 : s / n;
        }
        double plain = gamma[0];
        double bartlett = gamma[0];
        for (int k = 1; k < horizon; k++) {
            plain += 2 * gamma[k];
            bartlett += 2 * (1 - (double) k / horizon) * gamma[k];
        }
        boolean neweyWest = plain <= 0;
        double variance = (neweyWest ? bartlett : plain) / n;
        double dm = variance > 0 ? mean / Math.sqrt(variance) : Double.NaN;
        double h = horizon;
        double correction = Math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n);
        double statistic = dm * correction;
        double p = Double.isNaN(statistic) ? Double.NaN
                : 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(statistic));
        return new Result(n, horizon, loss, mean, variance, neweyWest, dm, statistic, p);
    }
}
