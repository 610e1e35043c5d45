package dev.foresight.strategies.garch;

/**
 * Maps an unconstrained vector {@code u} to natural parameters that satisfy positivity and
 * stationarity by construction, so the optimiser never proposes an invalid model:
 * <ul>
 * <li>GARCH: ω = e^u; persistence p = α + β = L(u_p); α = p·L(u_s), β = p·(1 − L(u_s));</li>
 * <li>GJR: ω = e^u; p = α + γ/2 + β = L(u_p); A = α + γ/2 = p·L(u_s), β = p − A;
 *     α = 2A·L(u_a), γ = 2(A − α) — so α ≥ 0, β ≥ 0 and α + γ ≥ 0 (no negative news coefficient);</li>
 * <li>EGARCH: ω, α, γ free; β = tanh(u) (|β| &lt; 1 is stationarity of ln σ²);</li>
 * <li>mean: μ free, φ = tanh(u); Student-t: ν = 2 + (NU_MAX − 2)·L(u).</li>
 * </ul>
 * L is the logistic function. The bounds keep the free values where L and tanh are not flat.
 */
final class Transform {

    /** Upper limit of the estimated degrees of freedom; beyond it the t is a normal for every practical purpose. */
    static final double NU_MAX = 500;
    static final double FREE_BOUND = 30;

    private final Layout l;

    Transform(Layout layout) {
        this.l = layout;
    }

    double[] toNatural(double[] u) {
        double[] th = new double[l.size];
        if (l.mu >= 0) {
            th[l.mu] = u[l.mu];
        }
        if (l.ar1 >= 0) {
            th[l.ar1] = Math.tanh(u[l.ar1]);
        }
        switch (l.spec.variance()) {
            case GARCH -> {
                th[l.omega] = Math.exp(u[l.omega]);
                double p = logistic(u[l.alpha]);
                double s = logistic(u[l.beta]);
                th[l.alpha] = p * s;
                th[l.beta] = p * (1 - s);
            }
            case GJR -> {
                th[l.omega] = Math.exp(u[l.omega]);
                double p = logistic(u[l.alpha]);
                double a = p * logistic(u[l.beta]);
                double alpha = 2 * a * logistic(u[l.gamma]);
                th[l.alpha] = alpha;
                th[l.gamma] = 2 * (a - alpha);
                th[l.beta] = p - a;
            }
            case EGARCH -> {
                th[l.omega] = u[l.omega];
                th[l.alpha] = u[l.alpha];
                th[l.gamma] = u[l.gamma];
                th[l.beta] = Math.tanh(u[l.beta]);
            }
            default -> throw new IllegalStateException();
        }
        if (l.nu >= 0) {
            th[l.nu] = 2 + (NU_MAX - 2) * logistic(u[l.nu]);
        }
        return th;
    }

    /** The inverse of {@link #toNatural}, clamped into the free bounds; {@code theta} must be {@link #valid}. */
    double[] toFree(double[] th) {
        double[] u = new double[l.size];
        if (l.mu >= 0) {
            u[l.mu] = th[l.mu];
        }
        if (l.ar1 >= 0) {
            u[l.ar1] = atanh(th[l.ar1]);
        }
        switch (l.spec.variance()) {
            case GARCH -> {
                u[l.omega] = Math.log(th[l.omega]);
                double p = th[l.alpha] + th[l.beta];
                u[l.alpha] = logit(p);
                u[l.beta] = logit(th[l.alpha] / p);
            }
            case GJR -> {
                u[l.omega] = Math.log(th[l.omega]);
                double a = th[l.alpha] + 0.5 * th[l.gamma];
                double p = a + th[l.beta];
                u[l.alpha] = logit(p);
                u[l.beta] = logit(a / p);
                u[l.gamma] = logit(th[l.alpha] / (2 * a));
            }
            case EGARCH -> {
                u[l.omega] = th[l.omega];
                u[l.alpha] = th[l.alpha];
                u[l.gamma] = th[l.gamma];
                u[l.beta] = atanh(th[l.beta]);
            }
            default -> throw new IllegalStateException();
        }
        if (l.nu >= 0) {
            u[l.nu] = logit((th[l.nu] - 2) / (NU_MAX - 2));
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.max(-FREE_BOUND + 1e-9, Math.min(FREE_BOUND - 1e-9, u[i]));
        }
        return u;
    }

    /** Whether natural parameters satisfy the constraints the transform enforces (used to keep Newton steps inside). */
    boolean valid(double[] th) {
        if (l.ar1 >= 0 && !(Math.abs(th[l.ar1]) < 1)) {
            return false;
        }
        if (l.nu >= 0 && !(th[l.nu] > 2 && th[l.nu] < NU_MAX)) {
            return false;
        }
        double omega = th[l.omega];
        double alpha = th[l.alpha];
        double beta = th[l.beta];
        return switch (l.spec.variance()) {
            case GARCH -> omega > 0 && alpha >= 0 && beta >= 0 && alpha + beta < 1;
            case GJR -> {
                double gamma = th[l.gamma];
                yield omega > 0 && alpha >= 0 && beta >= 0 && alpha + gamma >= 0 && alpha + 0.5 * gamma + beta < 1;
            }
            case EGARCH -> Math.abs(beta) < 1;
        };
    }

    /**
     * A squashed free coordinate beyond this magnitude may be heading for a boundary (logistic
     * 0.982, tanh 0.9993); whether it is, is decided by the likelihood (see GarchEstimator).
     */
    static final double NEAR_BOUNDARY = 4;
    /** Where a coordinate is held when it is put on its boundary: logistic 1 − 1e-7, tanh 1 − 2.5e-14. */
    static final double ON_BOUNDARY = 16;

    /** Whether free coordinate i is squashed (logistic, tanh or exp), so that large values mean a boundary. */
    boolean squashed(int i) {
        return !(i == l.mu || (l.spec.variance() == VarianceModel.EGARCH && i != l.beta));
    }

    /** Which boundary a saturated free coordinate stands for, in words. */
    String boundary(double[] u, int i) {
        boolean high = u[i] > 0;
        if (i == l.ar1) {
            return high ? "φ → 1" : "φ → −1";
        }
        if (i == l.nu) {
            return high ? "ν → " + (int) NU_MAX + " (no fat tails: dist normal fits as well)" : "ν → 2";
        }
        if (l.spec.variance() == VarianceModel.EGARCH) {
            return high ? "β → 1 (a unit root in ln σ²)" : "β → −1";
        }
        if (i == l.omega) {
            return high ? "ω → ∞" : "ω → 0";
        }
        if (i == l.alpha) {
            return high ? "persistence → 1 (integrated GARCH)" : "persistence → 0";
        }
        if (l.spec.variance() == VarianceModel.GARCH) {
            return high ? "β → 0" : "α → 0";
        }
        if (i == l.beta) {
            return high ? "β → 0" : "α + γ/2 → 0";
        }
        return high ? "α + γ → 0 (positive shocks add nothing)" : "α → 0";
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        double q = Math.max(1e-12, Math.min(1 - 1e-12, p));
        return Math.log(q / (1 - q));
    }

    static double atanh(double x) {
        double q = Math.max(-1 + 1e-12, Math.min(1 - 1e-12, x));
        return 0.5 * Math.log((1 + q) / (1 - q));
    }
}
