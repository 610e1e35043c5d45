package dev.foresight.strategies.garch;

import org.apache.commons.math3.special.Gamma;

/**
 * The exact Gaussian or standardised-t log-likelihood of a GARCH-family model over a return
 * series, in natural parameters. One pass over {@code double[]} buffers allocated once per
 * series, so an optimiser can call it thousands of times without allocating.
 *
 * <p>Not thread-safe (the buffers are reused); each fit makes its own.
 */
final class Likelihood {

    /** Returned for parameters where the recursion leaves the valid region (σ² ≤ 0, overflow, ν ≤ 2). */
    static final double INVALID = Double.NEGATIVE_INFINITY;

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double BACKCAST_DECAY = 0.94;
    private static final int BACKCAST_LENGTH = 75;

    final Layout layout;
    final double[] r;
    final int n;
    /** Residuals e(t) and conditional variances σ²(t) of the last evaluation. */
    final double[] residual;
    final double[] variance;
    /** ln σ²(t), filled for EGARCH only (where it is the recursion's own state, so no log is needed). */
    private final double[] logVariance;
    private final boolean logState;
    /** When finite, V is this fixed value instead of the rule's (a causal filter with the fit's V). */
    private final double fixedInitial;
    /** V used by the last evaluation. */
    double initialUsed = Double.NaN;

    Likelihood(GarchSpec spec, double[] returns) {
        this(spec, returns, Double.NaN);
    }

    Likelihood(GarchSpec spec, double[] returns, double fixedInitial) {
        this.fixedInitial = fixedInitial;
        this.layout = new Layout(spec);
        this.r = returns;
        this.n = returns.length;
        this.residual = new double[n];
        this.variance = new double[n];
        this.logState = spec.variance() == VarianceModel.EGARCH;
        this.logVariance = logState ? new double[n] : null;
    }

    /** The log-likelihood; fills {@link #residual} and {@link #variance}; {@code contributions} (may be null) gets ℓ(t). */
    double evaluate(double[] theta, double[] contributions) {
        if (contributions == null && layout.spec.variance() == VarianceModel.GARCH && layout.nu < 0) {
            return fusedGaussianGarch(theta);
        }
        if (!filter(theta)) {
            return INVALID;
        }
        return density(theta, contributions);
    }

    /**
     * The optimiser's hot path for the most common model: GARCH(1,1), normal, in one pass (variance
     * recursion and density together, no stored series). Same arithmetic as filter + density, so
     * the same value to the last bit is not promised but to rounding; the tests compare both.
     */
    private double fusedGaussianGarch(double[] theta) {
        Layout l = layout;
        double mu = l.get(theta, l.mu, 0.0);
        double phi = l.get(theta, l.ar1, 0.0);
        if (l.ar1 >= 0 && !(Math.abs(phi) < 1)) {
            return INVALID;
        }
        double v0;
        if (Double.isFinite(fixedInitial)) {
            v0 = fixedInitial;
        } else if (l.spec.initial() == InitialVariance.BACKCAST || l.ar1 >= 0) {
            // rare here: fill the residuals and use the general rule
            if (!filter(theta)) {
                return INVALID;
            }
            return density(theta, null);
        } else {
            double s = 0;
            for (int t = 0; t < n; t++) {
                double e = r[t] - mu;
                s += e * e;
            }
            v0 = s / n;
        }
        initialUsed = v0;
        double omega = theta[l.omega];
        double alpha = theta[l.alpha];
        double beta = theta[l.beta];
        double s2 = omega + (alpha + beta) * v0;
        // Σ ln σ² as the logs of products of LOG_BLOCK variances: one logarithm per block instead of
        // per bar (the logarithm is most of the cost). The estimator works on returns scaled to unit
        // variance, where a block's product cannot overflow; if it ever does, the sum is redone bar by bar.
        double logSum = 0;
        double product = 1;
        int inBlock = 0;
        double ratioSum = 0;
        double min = s2;
        for (int t = 0; t < n; t++) {
            double e = r[t] - mu;
            product *= s2;
            if (++inBlock == LOG_BLOCK) {
                logSum += Math.log(product);
                product = 1;
                inBlock = 0;
            }
            ratioSum += e * e / s2;
            s2 = omega + alpha * e * e + beta * s2;
            min = Math.min(min, s2);
        }
        logSum += Math.log(product);
        if (!(min > 0) || !(v0 > 0)) {
            return INVALID;
        }
        if (!Double.isFinite(logSum)) {
            if (!filter(theta)) {
                return INVALID;
            }
            return density(theta, null);
        }
        double ll = -0.5 * (n * LOG_2PI + logSum + ratioSum);
        return Double.isFinite(ll) ? ll : INVALID;
    }

    private static final int LOG_BLOCK = 16;

    /**
     * Whether {@link #derivatives} applies: GARCH(1,1), normal innovations, zero or constant mean,
     * V from the sample rule (SAMPLE_VARIANCE or FGARCH, equal for GARCH) — the most used model,
     * fGarch's and tseries' default.
     */
    boolean hasAnalyticDerivatives() {
        Layout l = layout;
        return l.spec.variance() == VarianceModel.GARCH && l.nu < 0 && l.ar1 < 0
                && l.spec.initial() != InitialVariance.BACKCAST && !Double.isFinite(fixedInitial);
    }

    /**
     * The log-likelihood with its exact gradient and Hessian in natural parameters (requires
     * {@link #hasAnalyticDerivatives}); {@code scoreProducts} (may be null) gets Σ s(t)s(t)' with
     * s(t) = ∂ℓ(t)/∂θ, the sandwich's middle, accumulated in the same pass instead of an n × k array.
     *
     * <p>With e(t) = r(t) − μ, V = (1/n) Σ e², σ²(0) = ω + (α + β)V and
     * σ²(t) = ω + α e(t−1)² + β σ²(t−1), the first and second derivatives D(t), S(t) of σ²(t) follow
     * their own recursions (differentiate the one of σ²(t): D(t) = ∂(ω + α e² )/∂θ + β D(t−1) +
     * σ²(t−1) ∂β/∂θ, and again for S), V's dependence on μ included. Each bar's
     * ℓ(t) = −½(ln 2π + ln σ² + e²/σ²) then gives, with a = 1/σ², q = e²a and c = ∂e²/∂θ (−2e for μ),
     * ∂ℓ(t)/∂θi = −½[(1 − q) a Di + a ci] and
     * ∂²ℓ(t)/∂θi∂θj = −½[(2q − 1) a² Di Dj − a² (ci Dj + cj Di) + (1 − q) a Sij + a ∂ci/∂θj].
     * One pass, no allocation: an exact Newton step costs about as much as three likelihood
     * evaluations, where a finite-difference Hessian costs 2k² + 1. The value is the same
     * arithmetic as the optimiser's fused path, to the last bit.
     */
    double derivatives(double[] theta, double[] gradient, double[][] hessian, double[][] scoreProducts) {
        Layout l = layout;
        double mu = l.get(theta, l.mu, 0.0);
        double omega = theta[l.omega];
        double alpha = theta[l.alpha];
        double beta = theta[l.beta];
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < n; t++) {
            double e = r[t] - mu;
            sum += e;
            squares += e * e;
        }
        double v0 = squares / n;
        initialUsed = v0;
        if (!(v0 > 0)) {
            return INVALID;
        }
        double dv0 = -2 * sum / n; // dV/dμ; d²V/dμ² = 2
        double persistence = alpha + beta;
        double s = omega + (alpha + beta) * v0;
        // D(0) and the non-zero entries of S(0) (S_μω, S_ωω, S_ωα and S_αα are 0 at every t)
        double dm = persistence * dv0;
        double dw = 1;
        double da = v0;
        double db = v0;
        double smm = persistence * 2;
        double sma = dv0;
        double smb = dv0;
        double swb = 0;
        double sab = 0;
        double sbb = 0;
        double gm = 0, gw = 0, ga = 0, gb = 0;
        double hmm = 0, hmw = 0, hma = 0, hmb = 0, hww = 0, hwa = 0, hwb = 0, haa = 0, hab = 0, hbb = 0;
        double pmm = 0, pmw = 0, pma = 0, pmb = 0, pww = 0, pwa = 0, pwb = 0, paa = 0, pab = 0, pbb = 0;
        double logSum = 0;
        double product = 1;
        int inBlock = 0;
        double ratioSum = 0;
        double min = s;
        for (int t = 0; t < n; t++) {
            double e = r[t] - mu;
            product *= s;
            if (++inBlock == LOG_BLOCK) {
                logSum += Math.log(product);
                product = 1;
                inBlock = 0;
            }
            double q = e * e / s;
            ratioSum += q;
            double a = 1 / s;
            double u = (1 - q) * a;
            double cm = -2 * e;
            gm += u * dm + a * cm;
            gw += u * dw;
            ga += u * da;
            gb += u * db;
            double w = (2 * q - 1) * a * a;
            double acm = a * a * cm;
            hmm += w * dm * dm - 2 * acm * dm + u * smm + 2 * a;
            hmw += w * dm * dw - acm * dw;
            hma += w * dm * da - acm * da + u * sma;
            hmb += w * dm * db - acm * db + u * smb;
            hww += w * dw * dw;
            hwa += w * dw * da;
            hwb += w * dw * db + u * swb;
            haa += w * da * da;
            hab += w * da * db + u * sab;
            hbb += w * db * db + u * sbb;
            if (scoreProducts != null) {
                double sm = -0.5 * (u * dm + a * cm);
                double sw = -0.5 * u * dw;
                double sa = -0.5 * u * da;
                double sb = -0.5 * u * db;
                pmm += sm * sm;
                pmw += sm * sw;
                pma += sm * sa;
                pmb += sm * sb;
                pww += sw * sw;
                pwa += sw * sa;
                pwb += sw * sb;
                paa += sa * sa;
                pab += sa * sb;
                pbb += sb * sb;
            }
            // to t + 1: S before D, which it reads at t
            smm = 2 * alpha + beta * smm;
            sma = cm + beta * sma;
            smb = dm + beta * smb;
            swb = dw + beta * swb;
            sab = da + beta * sab;
            sbb = 2 * db + beta * sbb;
            dm = alpha * cm + beta * dm;
            dw = 1 + beta * dw;
            da = e * e + beta * da;
            db = s + beta * db;
            s = omega + alpha * e * e + beta * s;
            min = Math.min(min, s);
        }
        logSum += Math.log(product);
        double ll = -0.5 * (n * LOG_2PI + logSum + ratioSum);
        if (!(min > 0) || !Double.isFinite(ll)) {
            return INVALID;
        }
        int[] at = {l.mu, l.omega, l.alpha, l.beta};
        double[] g = {gm, gw, ga, gb};
        double[][] h = {{hmm, hmw, hma, hmb}, {hmw, hww, hwa, hwb}, {hma, hwa, haa, hab}, {hmb, hwb, hab, hbb}};
        double[][] p = {{pmm, pmw, pma, pmb}, {pmw, pww, pwa, pwb}, {pma, pwa, paa, pab}, {pmb, pwb, pab, pbb}};
        for (int i = 0; i < 4; i++) {
            if (at[i] < 0) {
                continue;
            }
            gradient[at[i]] = -0.5 * g[i];
            for (int j = 0; j < 4; j++) {
                if (at[j] >= 0) {
                    hessian[at[i]][at[j]] = -0.5 * h[i][j];
                    if (scoreProducts != null) {
                        scoreProducts[at[i]][at[j]] = p[i][j];
                    }
                }
            }
        }
        return ll;
    }

    /** Residuals and variances only; false when the recursion leaves the valid region. */
    boolean filter(double[] theta) {
        Layout l = layout;
        double mu = l.get(theta, l.mu, 0.0);
        double phi = l.get(theta, l.ar1, 0.0);
        if (l.ar1 >= 0) {
            if (!(Math.abs(phi) < 1)) {
                return false;
            }
            residual[0] = r[0] - mu / (1 - phi);
            for (int t = 1; t < n; t++) {
                residual[t] = r[t] - mu - phi * r[t - 1];
            }
        } else {
            for (int t = 0; t < n; t++) {
                residual[t] = r[t] - mu;
            }
        }
        double v0 = Double.isFinite(fixedInitial) ? fixedInitial : initialValue();
        initialUsed = v0;
        if (!(v0 > 0) || !Double.isFinite(v0)) {
            return false;
        }
        double omega = theta[l.omega];
        double alpha = theta[l.alpha];
        double gamma = l.get(theta, l.gamma, 0.0);
        double beta = theta[l.beta];
        switch (l.spec.variance()) {
            case GARCH -> {
                double s2 = omega + (alpha + beta) * v0;
                variance[0] = s2;
                for (int t = 1; t < n; t++) {
                    double e = residual[t - 1];
                    s2 = omega + alpha * e * e + beta * s2;
                    variance[t] = s2;
                }
            }
            case GJR -> {
                double startPersistence = layout.spec.initial() == InitialVariance.FGARCH
                        ? aparchAlpha(alpha, gamma) + beta : alpha + 0.5 * gamma + beta;
                double s2 = omega + startPersistence * v0;
                variance[0] = s2;
                for (int t = 1; t < n; t++) {
                    double e = residual[t - 1];
                    double a = e < 0 ? alpha + gamma : alpha;
                    s2 = omega + a * e * e + beta * s2;
                    variance[t] = s2;
                }
            }
            case EGARCH -> {
                double meanAbs = meanAbsZ(l.nu < 0 ? Double.POSITIVE_INFINITY : theta[l.nu]);
                double ls2 = omega + beta * Math.log(v0);
                double c = omega - alpha * meanAbs;
                logVariance[0] = ls2;
                double inverseSigma = Math.exp(-0.5 * ls2);
                variance[0] = 1 / (inverseSigma * inverseSigma);
                for (int t = 1; t < n; t++) {
                    double z = residual[t - 1] * inverseSigma;
                    ls2 = c + alpha * Math.abs(z) + gamma * z + beta * ls2;
                    logVariance[t] = ls2;
                    inverseSigma = Math.exp(-0.5 * ls2);
                    variance[t] = 1 / (inverseSigma * inverseSigma);
                }
            }
            default -> throw new IllegalStateException();
        }
        // One check at the end instead of a branch per step: NaN, ∞ and negatives all fail it.
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            min = Math.min(min, variance[t]);
            sum += variance[t];
        }
        return min > 0 && Double.isFinite(sum);
    }

    /** APARCH(δ = 2)'s α for GJR's (α, γ): α_ap (1 ∓ γ_ap)² = α, α + γ. NaN outside α ≥ 0, α + γ ≥ 0. */
    static double aparchAlpha(double alpha, double gamma) {
        double root = 0.5 * (Math.sqrt(alpha + gamma) + Math.sqrt(alpha));
        return root * root;
    }

    /** V of {@link InitialVariance}, from the current {@link #residual}s. */
    private double initialValue() {
        if (layout.spec.initial() == InitialVariance.BACKCAST) {
            int m = Math.min(BACKCAST_LENGTH, n);
            double w = 1;
            double sw = 0;
            double s = 0;
            for (int t = 0; t < m; t++) {
                s += w * residual[t] * residual[t];
                sw += w;
                w *= BACKCAST_DECAY;
            }
            return s / sw;
        }
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += residual[t] * residual[t];
        }
        return s / n;
    }

    private double density(double[] theta, double[] contributions) {
        if (contributions == null) {
            double fast = blockedDensity(theta);
            if (Double.isFinite(fast)) {
                return fast;
            }
        }
        double ll = 0;
        if (layout.nu < 0) {
            for (int t = 0; t < n; t++) {
                double s2 = variance[t];
                double e = residual[t];
                double lt = -0.5 * (LOG_2PI + (logState ? logVariance[t] : Math.log(s2)) + e * e / s2);
                ll += lt;
                if (contributions != null) {
                    contributions[t] = lt;
                }
            }
        } else {
            double nu = theta[layout.nu];
            if (!(nu > 2) || !Double.isFinite(nu)) {
                return INVALID;
            }
            double c = tConstant(nu);
            double scale = 1 / (nu - 2);
            double half = 0.5 * (nu + 1);
            for (int t = 0; t < n; t++) {
                double s2 = variance[t];
                double e = residual[t];
                double lt = c - 0.5 * (logState ? logVariance[t] : Math.log(s2)) - half * Math.log1p(e * e * scale / s2);
                ll += lt;
                if (contributions != null) {
                    contributions[t] = lt;
                }
            }
        }
        return Double.isFinite(ll) ? ll : INVALID;
    }

    /**
     * The same sum as {@link #density} without contributions, taking one logarithm per
     * {@link #LOG_BLOCK} bars (of the product of the variances, and of the 1 + e²/((ν−2)σ²) terms);
     * NaN when a block's product leaves the double range, and the caller then sums bar by bar.
     */
    private double blockedDensity(double[] theta) {
        double logVar = 0;
        double logKernel = 0;
        double ratio = 0;
        double pv = 1;
        double pk = 1;
        int inBlock = 0;
        boolean t = layout.nu >= 0;
        double nu = t ? theta[layout.nu] : Double.NaN;
        if (t && (!(nu > 2) || !Double.isFinite(nu))) {
            return INVALID;
        }
        double scale = t ? 1 / (nu - 2) : 0;
        for (int i = 0; i < n; i++) {
            double s2 = variance[i];
            double e = residual[i];
            double x = e * e / s2;
            if (logState) {
                logVar += logVariance[i];
            } else {
                pv *= s2;
            }
            if (t) {
                pk *= 1 + x * scale;
            } else {
                ratio += x;
            }
            if (++inBlock == LOG_BLOCK) {
                logVar += logState ? 0 : Math.log(pv);
                logKernel += t ? Math.log(pk) : 0;
                pv = 1;
                pk = 1;
                inBlock = 0;
            }
        }
        logVar += logState ? 0 : Math.log(pv);
        logKernel += t ? Math.log(pk) : 0;
        double ll = t ? n * tConstant(nu) - 0.5 * logVar - 0.5 * (nu + 1) * logKernel
                : -0.5 * (n * LOG_2PI + logVar + ratio);
        return Double.isFinite(ll) ? ll : Double.NaN;
    }

    /** log of the unit-variance t density's constant: Γ((ν+1)/2) / (Γ(ν/2) √(π(ν−2))). */
    static double tConstant(double nu) {
        return Gamma.logGamma(0.5 * (nu + 1)) - Gamma.logGamma(0.5 * nu) - 0.5 * Math.log(Math.PI * (nu - 2));
    }

    /** E|z| for the standardised innovation: √(2/π) for the normal (ν = ∞), else that of the unit-variance t. */
    static double meanAbsZ(double nu) {
        if (Double.isInfinite(nu)) {
            return Math.sqrt(2 / Math.PI);
        }
        if (!(nu > 2)) {
            return Double.NaN;
        }
        return 2 * Math.sqrt(nu - 2) / (nu - 1)
                * Math.exp(Gamma.logGamma(0.5 * (nu + 1)) - Gamma.logGamma(0.5 * nu)) / Math.sqrt(Math.PI);
    }
}
