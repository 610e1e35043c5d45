package dev.foresight.strategies.garch;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A fitted GARCH-family model, in the units of the returns it was fitted on.
 *
 * @param estimates            in the order of {@code names} ({@link GarchSpec#parameterNames()})
 * @param standardErrors       from the inverse of the negative Hessian of the log-likelihood
 * @param robustStandardErrors Bollerslev–Wooldridge sandwich: H⁻¹ (Σ s(t) s(t)') H⁻¹ with the
 *                             per-observation scores s(t); valid under non-normal innovations
 * @param initialVariance      the value V of the initial-variance rule at the estimates; the
 *                             filter reuses it so that it is causal on any later series
 */
public record GarchFit(GarchSpec spec, int observations, List<String> names, double[] estimates,
                       double[] standardErrors, double[] robustStandardErrors, double logLikelihood,
                       double initialVariance, Convergence convergence) {

    public GarchFit {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(convergence, "convergence");
        names = List.copyOf(names);
        int k = spec.parameterCount();
        if (!names.equals(spec.parameterNames()) || estimates.length != k || standardErrors.length != k
                || robustStandardErrors.length != k) {
            throw new IllegalArgumentException("expected " + k + " parameters " + spec.parameterNames());
        }
        estimates = estimates.clone();
        standardErrors = standardErrors.clone();
        robustStandardErrors = robustStandardErrors.clone();
        if (observations < 1 || !(initialVariance > 0)) {
            throw new IllegalArgumentException("observations ≥ 1 and initial variance > 0 required");
        }
    }

    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public double[] robustStandardErrors() {
        return robustStandardErrors.clone();
    }

    public double estimate(String name) {
        return estimates[index(name)];
    }

    public double standardError(String name) {
        return standardErrors[index(name)];
    }

    public double robustStandardError(String name) {
        return robustStandardErrors[index(name)];
    }

    /** Estimate / (Hessian) standard error, per parameter. */
    public double[] tStatistics() {
        double[] t = new double[estimates.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = estimates[i] / standardErrors[i];
        }
        return t;
    }

    public double aic() {
        return -2 * logLikelihood + 2 * estimates.length;
    }

    public double bic() {
        return -2 * logLikelihood + estimates.length * Math.log(observations);
    }

    /**
     * GARCH α + β; GJR α + γ/2 + β (the innovations are symmetric, so a shock is negative half the
     * time); EGARCH β (the persistence of ln σ²).
     */
    public double persistence() {
        Layout l = layout();
        return switch (spec.variance()) {
            case GARCH -> estimates[l.alpha] + estimates[l.beta];
            case GJR -> estimates[l.alpha] + 0.5 * estimates[l.gamma] + estimates[l.beta];
            case EGARCH -> estimates[l.beta];
        };
    }

    /** Bars for a variance shock to halve: ln ½ / ln(persistence); NaN unless 0 &lt; persistence &lt; 1. */
    public double halfLife() {
        double p = persistence();
        return p > 0 && p < 1 ? Math.log(0.5) / Math.log(p) : Double.NaN;
    }

    /**
     * The long-run variance E[σ²]: ω / (1 − persistence) for GARCH and GJR. For EGARCH with normal
     * innovations the exact E[σ²] = e^{ω/(1−β)} Π_j E[exp(β^j g(z))]; with t innovations that
     * expectation is infinite (the exponential of a t-distributed shock), so e^{ω/(1−β)}, the
     * exponential of the mean of ln σ², is reported instead.
     */
    public double unconditionalVariance() {
        Layout l = layout();
        double p = persistence();
        if (spec.variance() != VarianceModel.EGARCH) {
            return p < 1 ? estimates[l.omega] / (1 - p) : Double.NaN;
        }
        double beta = estimates[l.beta];
        double logMean = estimates[l.omega] / (1 - beta);
        if (spec.innovations() == Innovations.STUDENT_T) {
            return Math.exp(logMean);
        }
        double logProduct = 0;
        double c = 1;
        for (int j = 0; j < 10_000 && Math.abs(c) > 1e-12; j++) {
            logProduct += logMgf(c);
            c *= beta;
        }
        return Math.exp(logMean + logProduct);
    }

    /**
     * Filters a return series with the fitted parameters, causally: σ²(t) uses returns before t
     * and the fixed {@link #initialVariance()}, so the result on a prefix equals the prefix of the
     * result. On the fitted series it reproduces the fit's variances.
     */
    public Filtered filter(double[] returns) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("no returns to filter");
        }
        Likelihood lik = new Likelihood(spec, returns, initialVariance);
        if (!lik.filter(estimates)) {
            throw new IllegalStateException(spec.label() + ": the fitted recursion gave a non-positive or"
                    + " non-finite variance on this series");
        }
        int n = returns.length;
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = lik.residual[t] / Math.sqrt(lik.variance[t]);
        }
        double next = nextVariance(lik.residual[n - 1], lik.variance[n - 1]);
        return new Filtered(lik.residual.clone(), lik.variance.clone(), z, next, returns[n - 1]);
    }

    /** The one-step recursion σ²(t+1) from residual e(t) and σ²(t). */
    double nextVariance(double e, double s2) {
        Layout l = layout();
        double omega = estimates[l.omega];
        double alpha = estimates[l.alpha];
        double beta = estimates[l.beta];
        return switch (spec.variance()) {
            case GARCH -> omega + alpha * e * e + beta * s2;
            case GJR -> omega + (e < 0 ? alpha + estimates[l.gamma] : alpha) * e * e + beta * s2;
            case EGARCH -> {
                double z = e / Math.sqrt(s2);
                double m = Likelihood.meanAbsZ(l.nu < 0 ? Double.POSITIVE_INFINITY : estimates[l.nu]);
                yield Math.exp(omega + alpha * (Math.abs(z) - m) + estimates[l.gamma] * z + beta * Math.log(s2));
            }
        };
    }

    /**
     * E[σ²(T+k) | returns to T] for k = 1..h, from the filtered state after the last return.
     * GARCH/GJR: the recursion E σ²(T+k) = ω + p·E σ²(T+k−1) (closed form V + p^{k−1}(σ²(T+1) − V)).
     * EGARCH, normal: exact, ln-variance mean plus the log-MGF of g(z) = α(|z| − E|z|) + γz per
     * step; EGARCH, t: exp of the forecast of ln σ² (the mean does not exist, see
     * {@link #unconditionalVariance()}).
     */
    public double[] varianceForecasts(Filtered state, int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be ≥ 1, got " + h);
        }
        double[] out = new double[h];
        out[0] = state.nextVariance();
        Layout l = layout();
        if (spec.variance() != VarianceModel.EGARCH) {
            double omega = estimates[l.omega];
            double p = persistence();
            for (int k = 1; k < h; k++) {
                out[k] = omega + p * out[k - 1];
            }
            return out;
        }
        double omega = estimates[l.omega];
        double beta = estimates[l.beta];
        boolean normal = spec.innovations() == Innovations.NORMAL;
        // ln σ²(T+k) = ω Σ_{j<k-1} β^j + β^{k-1} ln σ²(T+1) + Σ_{j<k-1} β^j g(z(T+k-1-j))
        double logPart = Math.log(out[0]);
        double mgf = 0;
        double c = 1;
        for (int k = 1; k < h; k++) {
            logPart = omega + beta * logPart;
            if (normal) {
                mgf += logMgf(c);
            }
            c *= beta;
            out[k] = Math.exp(logPart + mgf);
        }
        return out;
    }

    /** E[r(T+k) | returns to T] for k = 1..h. */
    public double[] meanForecasts(Filtered state, int h) {
        Layout l = layout();
        double mu = l.get(estimates, l.mu, 0.0);
        double phi = l.get(estimates, l.ar1, 0.0);
        double[] out = new double[h];
        double previous = state.lastReturn();
        for (int k = 0; k < h; k++) {
            out[k] = mu + phi * previous;
            previous = out[k];
        }
        return out;
    }

    /**
     * The forecast of the realised-volatility target over the next h bars, whose label is the
     * root mean square of the next h returns: √((1/h) Σ_k (E σ²(T+k) + E[r(T+k)]²)) — the square
     * root of the forecast mean squared return (so a forecast of √E[RV²], not of E[RV]).
     */
    public double rmsForecast(Filtered state, int h) {
        double[] v = varianceForecasts(state, h);
        double[] m = meanForecasts(state, h);
        double s = 0;
        for (int k = 0; k < h; k++) {
            s += v[k] + m[k] * m[k];
        }
        return Math.sqrt(s / h);
    }

    /** ln E[exp(c·g(z))], z standard normal, g(z) = α(|z| − E|z|) + γz. */
    private double logMgf(double c) {
        Layout l = layout();
        double a = c * estimates[l.alpha];
        double g = c * estimates[l.gamma];
        double m = Math.sqrt(2 / Math.PI);
        // a distribution object per call, not a static one: built-in classes hold no library objects
        // in static fields (BuiltInStaticStateTest); it costs two logarithms
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double plus = 0.5 * (a + g) * (a + g) + Math.log(normal.cumulativeProbability(a + g));
        double minus = 0.5 * (a - g) * (a - g) + Math.log(normal.cumulativeProbability(a - g));
        double max = Math.max(plus, minus);
        return -a * m + max + Math.log(Math.exp(plus - max) + Math.exp(minus - max));
    }

    private Layout layout() {
        return new Layout(spec);
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(spec.label() + " has no parameter '" + name + "'; it has " + names);
        }
        return i;
    }

    @Override
    public String toString() {
        return "GarchFit[" + spec.label() + ", " + names + "=" + Arrays.toString(estimates) + ", logLik="
                + logLikelihood + ", " + convergence + "]";
    }
}
