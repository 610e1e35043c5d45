package dev.foresight.strategies.garch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood estimation of a {@link GarchSpec} on a return series.
 *
 * <p>Procedure, and why:
 * <ol>
 * <li>For Gaussian GARCH(1,1) with zero or constant mean (fGarch's and tseries' default model),
 *     Newton's method with the exact gradient and Hessian ({@link Likelihood#derivatives}) runs
 *     first, straight from the first start; when it converges cleanly in the interior it is the
 *     answer (about 10 passes over the data instead of several hundred), else the general
 *     procedure below runs.</li>
 * <li>The returns are divided by their sample standard deviation s (as fGarch does), so every
 *     parameter is of order 0.01–1 whatever the units; estimates, standard errors and the
 *     log-likelihood are mapped back at the end (μ·s, ω·s² — EGARCH ω + (1 − β) ln s² — and
 *     ℓ − n ln s).</li>
 * <li>Commons Math's BOBYQA maximises ℓ over the unconstrained space of {@link Transform}, so
 *     positivity and stationarity hold at every trial point. BOBYQA needs no gradient, and on
 *     this smooth, low-dimensional problem it was the most reliable of Commons Math's optimisers;
 *     it is stopped at a moderate trust-region radius because the last digits are cheaper by
 *     Newton's method.</li>
 * <li>Newton iterations on the natural parameters with a finite-difference Hessian (kept inside
 *     the admissible region by step halving) polish the optimum to a Newton decrement below
 *     {@value #DECREMENT_TOLERANCE}; this is what makes estimates agree with another careful
 *     implementation to many digits.</li>
 * <li>If a start does not converge, the next of several starting points is tried (typical
 *     persistence 0.9, then a high-persistence and a low-persistence start); if none converges
 *     the best is returned with {@link Convergence#converged()} false and the reason.</li>
 * <li>Standard errors: −H⁻¹ and the sandwich H⁻¹ (Σ s(t)s(t)') H⁻¹ at the estimate.</li>
 * </ol>
 */
public final class GarchEstimator {

    /** Newton decrement g'(−H)⁻¹g below which the optimum is accepted. */
    public static final double DECREMENT_TOLERANCE = 1e-9;
    /**
     * The decrement is the squared distance to the optimum in standard-error units (δ'(−H)δ with
     * δ = (−H)⁻¹g), so when no Newton step can improve the likelihood any more, a decrement below
     * this means the estimate is within 0.003 standard errors of the maximum and is accepted as
     * converged. This happens with EGARCH: its |z| term makes the likelihood kinked wherever a
     * residual crosses zero, and as μ moves such kinks lie closer together than any useful
     * finite-difference step, so the last Newton steps see a rough surface.
     */
    public static final double NOISE_DECREMENT = 1e-5;
    /** Fewer returns than this cannot identify 3–7 parameters with any reliability. */
    public static final int MIN_OBSERVATIONS = 50;

    private static final int MAX_NEWTON = 30;
    private static final int MAX_EVALUATIONS = 20_000;

    private GarchEstimator() {
    }

    /** Fits {@code spec} to {@code returns} (finite, not all equal, at least {@value #MIN_OBSERVATIONS}). */
    public static GarchFit fit(double[] returns, GarchSpec spec) {
        return fit(returns, spec, true);
    }

    /** {@code exact}: false skips the exact-Hessian Newton path (tests compare both procedures). */
    static GarchFit fit(double[] returns, GarchSpec spec, boolean exact) {
        int n = returns.length;
        if (n < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException(spec.variance().yamlName() + ": " + n + " returns are too few to fit;"
                    + " at least " + MIN_OBSERVATIONS + " are needed");
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            min = Math.min(min, returns[t]);
            max = Math.max(max, returns[t]);
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException(spec.variance().yamlName() + ": return " + t + " is " + returns[t]);
            }
            mean += returns[t];
        }
        mean /= n;
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        double scale = Math.sqrt(ss / (n - 1));
        if (!(max > min) || !(scale > 0)) {
            throw new IllegalArgumentException(spec.variance().yamlName() + ": the returns are all equal;"
                    + " there is no variance to model");
        }
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = returns[t] / scale;
        }
        Likelihood lik = new Likelihood(spec, x);
        Layout l = lik.layout;
        Transform transform = new Transform(l);
        int[] evaluations = {0};

        List<double[]> starts = starts(spec, l, mean / scale);
        if (exact && lik.hasAnalyticDerivatives()) {
            Attempt a = exactNewton(lik, transform, starts.get(0), evaluations);
            if (a != null) {
                return finish(spec, lik, a, scale, 1, evaluations[0]);
            }
        }
        Attempt best = null;
        int tried = 0;
        for (double[] start : starts) {
            tried++;
            Attempt a = attempt(lik, transform, start, evaluations);
            if (a != null && (best == null || (a.converged && !best.converged)
                    || (a.converged == best.converged && a.logLik > best.logLik))) {
                best = a;
            }
            if (best != null && best.converged) {
                break;
            }
        }
        if (best == null) {
            throw new IllegalStateException(spec.label() + ": the likelihood could not be evaluated at any"
                    + " starting point");
        }
        return finish(spec, lik, best, scale, tried, evaluations[0]);
    }

    /** {@code hessian}: at {@code theta}, reused for the standard errors (null when not computed there). */
    private record Attempt(double[] theta, double logLik, double[][] hessian, double decrement, boolean converged,
                           boolean onBoundary, String message) {
    }

    private static Attempt attempt(Likelihood lik, Transform transform, double[] start, int[] evaluations) {
        int k = start.length;
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            evaluations[0]++;
            double v = lik.evaluate(transform.toNatural(u), null);
            // BOBYQA builds quadratic models from values: a huge finite penalty, not −∞.
            return v == Likelihood.INVALID ? -1e12 : v;
        });
        double[] lower = new double[k];
        double[] upper = new double[k];
        Arrays.fill(lower, -Transform.FREE_BOUND);
        Arrays.fill(upper, Transform.FREE_BOUND);
        double[] theta;
        try {
            BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * k + 1, 0.5, 1e-4);
            PointValuePair p = bobyqa.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                    new InitialGuess(transform.toFree(start)), new SimpleBounds(lower, upper));
            theta = transform.toNatural(p.getPoint());
        } catch (MathIllegalStateException e) {
            return null;
        }
        return polish(lik, transform, theta, evaluations);
    }

    private static final int MAX_EXACT_NEWTON = 60;

    /**
     * Newton's method with the exact Hessian ({@link Likelihood#derivatives}) straight from the
     * first start, for the models that have it. Where −H is not positive definite (far from the
     * optimum) the step is Levenberg-damped; every step is halved until it stays admissible and does
     * not lower ℓ. Returns the converged optimum (Newton decrement below
     * {@value #DECREMENT_TOLERANCE}, then one more full step, so the estimate is a quadratic step
     * closer than the test demands), or null — no clean interior convergence, e.g. an optimum on a
     * boundary — and the caller runs the general procedure, which handles those cases.
     */
    private static Attempt exactNewton(Likelihood lik, Transform transform, double[] start, int[] evaluations) {
        int k = start.length;
        double[] theta = start.clone();
        double[] g = new double[k];
        double[][] hess = new double[k][k];
        evaluations[0]++;
        double value = lik.derivatives(theta, g, hess, null);
        if (value == Likelihood.INVALID) {
            return null;
        }
        int shortSteps = 0;
        for (int iter = 0; iter < MAX_EXACT_NEWTON; iter++) {
            double[] d = newtonStep(hess, g);
            double decrement = Double.NaN;
            if (d != null) {
                decrement = 0;
                for (int i = 0; i < k; i++) {
                    decrement += g[i] * d[i];
                }
            } else {
                d = dampedStep(hess, g);
                if (d == null) {
                    return null;
                }
            }
            boolean close = decrement < DECREMENT_TOLERANCE;
            double step = 1;
            boolean moved = false;
            while (step > 1e-10) {
                double[] candidate = theta.clone();
                for (int i = 0; i < k; i++) {
                    candidate[i] += step * d[i];
                }
                if (transform.valid(candidate)) {
                    evaluations[0]++;
                    double v = lik.evaluate(candidate, null);
                    if (v >= value - 1e-12) {
                        theta = candidate;
                        moved = true;
                        break;
                    }
                }
                if (close) {
                    break; // the last step is a polish: taken whole or not at all
                }
                step *= 0.5;
            }
            if (close) {
                evaluations[0]++;
                value = lik.derivatives(theta, g, hess, null);
                return new Attempt(theta, value, hess, decrement, true, false, "converged");
            }
            if (!moved) {
                return null;
            }
            // repeated tiny steps: pressed against a constraint; leave it to the boundary-aware procedure
            shortSteps = step < 1e-3 ? shortSteps + 1 : 0;
            if (shortSteps >= 3) {
                return null;
            }
            evaluations[0]++;
            value = lik.derivatives(theta, g, hess, null);
            if (value == Likelihood.INVALID) {
                return null;
            }
        }
        return null;
    }

    /** d = (−H + λ diag)⁻¹ g for the smallest λ in 1e-4, 1e-3, ... that makes the matrix positive definite. */
    private static double[] dampedStep(double[][] hess, double[] g) {
        int k = g.length;
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(hess[i][i]));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return null;
        }
        for (double lambda = 1e-4; lambda < 1e8; lambda *= 10) {
            double[][] shifted = new double[k][];
            for (int i = 0; i < k; i++) {
                shifted[i] = hess[i].clone();
                shifted[i][i] -= lambda * Math.max(Math.abs(hess[i][i]), 1e-8 * scale);
            }
            double[] d = newtonStep(shifted, g);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Newton's method on the natural parameters from BOBYQA's point. */
    private static Attempt polish(Likelihood lik, Transform transform, double[] start, int[] evaluations) {
        ToDoubleFunction<double[]> f = th -> {
            evaluations[0]++;
            return lik.evaluate(th, null);
        };
        double[] theta = start.clone();
        double value = f.applyAsDouble(theta);
        if (value == Likelihood.INVALID) {
            return null;
        }
        double decrement = Double.NaN;
        String message = "Newton iterations exhausted";
        for (int iter = 0; iter < MAX_NEWTON; iter++) {
            double[] h = Derivatives.steps(theta, lik.layout.beta);
            double[] g = new double[theta.length];
            double[][] hess = Derivatives.hessian(f, theta, h, value, g);
            double[] d = newtonStep(hess, g);
            if (d == null) {
                Attempt boundary = polishOnBoundary(lik, transform, theta, evaluations);
                if (boundary != null && boundary.converged) {
                    return boundary;
                }
                return new Attempt(theta, value, hess, Double.NaN, false, false,
                        "the Hessian of the log-likelihood is not negative definite at the optimum found");
            }
            decrement = 0;
            for (int i = 0; i < d.length; i++) {
                decrement += g[i] * d[i];
            }
            if (decrement < DECREMENT_TOLERANCE) {
                return new Attempt(theta, value, hess, decrement, true, false, "converged");
            }
            double step = 1;
            boolean moved = false;
            while (step > 1e-6) {
                double[] candidate = theta.clone();
                for (int i = 0; i < d.length; i++) {
                    candidate[i] += step * d[i];
                }
                if (transform.valid(candidate)) {
                    double v = f.applyAsDouble(candidate);
                    if (v >= value - 1e-12) {
                        theta = candidate;
                        value = v;
                        moved = true;
                        break;
                    }
                }
                step *= 0.5;
            }
            if (!moved && decrement < NOISE_DECREMENT) {
                return new Attempt(theta, value, hess, decrement, true, false,
                        "converged to within 0.003 standard errors (no Newton step improves the likelihood further:"
                                + " it is not smooth at that scale)");
            }
            if (!moved) {
                Attempt boundary = polishOnBoundary(lik, transform, theta, evaluations);
                if (boundary != null) {
                    return boundary;
                }
                message = "no Newton step improves the likelihood inside the admissible region (Newton decrement "
                        + String.format(Locale.ROOT, "%.3g", decrement) + "), and no parameter is at a boundary";
                break;
            }
        }
        return new Attempt(theta, value, null, decrement, false, false, message);
    }

    /**
     * For an optimum on the boundary: the squashed free coordinates of {@link Transform} that are
     * large (beyond {@link Transform#NEAR_BOUNDARY}) are candidates; the largest one (then the two
     * largest) is put on its boundary ({@link Transform#ON_BOUNDARY}) when that does not lower the
     * likelihood, and Newton's method runs on the other coordinates. Returns null when no
     * coordinate is a candidate.
     */
    private static Attempt polishOnBoundary(Likelihood lik, Transform transform, double[] theta, int[] evaluations) {
        double[] u = transform.toFree(theta);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < u.length; i++) {
            if (transform.squashed(i) && Math.abs(u[i]) > Transform.NEAR_BOUNDARY) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort((a, b) -> Double.compare(Math.abs(u[b]), Math.abs(u[a])));
        Attempt last = null;
        for (int m = 1; m <= Math.min(2, candidates.size()); m++) {
            double[] base = u.clone();
            List<String> bounds = new ArrayList<>();
            double current = lik.evaluate(transform.toNatural(base), null);
            for (int c = 0; c < m; c++) {
                int i = candidates.get(c);
                double[] pushed = base.clone();
                pushed[i] = Math.signum(u[i]) * Transform.ON_BOUNDARY;
                double v = lik.evaluate(transform.toNatural(pushed), null);
                evaluations[0] += 2;
                if (v >= current - 1e-9) {
                    base = pushed;
                    current = Math.max(current, v);
                }
                bounds.add(transform.boundary(base, i));
            }
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < u.length; i++) {
                if (!candidates.subList(0, m).contains(i)) {
                    free.add(i);
                }
            }
            last = reducedNewton(lik, transform, base, free, "optimum on the boundary: " + String.join(", ", bounds),
                    evaluations);
            if (last.converged) {
                return last;
            }
        }
        return last;
    }

    private static Attempt reducedNewton(Likelihood lik, Transform transform, double[] base, List<Integer> free,
                                         String where, int[] evaluations) {
        ToDoubleFunction<double[]> f = v -> {
            evaluations[0]++;
            return lik.evaluate(natural(transform, base, free, v), null);
        };
        double[] v = new double[free.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = base[free.get(j)];
        }
        double value = f.applyAsDouble(v);
        double[] h = new double[v.length];
        Arrays.fill(h, 1e-4);
        for (int iter = 0; iter < MAX_NEWTON && v.length > 0; iter++) {
            double[] g = new double[v.length];
            double[][] hess = Derivatives.hessian(f, v, h, value, g);
            double[] d = newtonStep(hess, g);
            if (d == null) {
                return new Attempt(natural(transform, base, free, v), value, null, Double.NaN, false, true,
                        where + "; the likelihood of the other parameters has no strict maximum there");
            }
            double decrement = 0;
            for (int i = 0; i < d.length; i++) {
                decrement += g[i] * d[i];
            }
            if (decrement < DECREMENT_TOLERANCE) {
                return new Attempt(natural(transform, base, free, v), value, null, decrement, true, true, where);
            }
            double step = 1;
            boolean moved = false;
            while (step > 1e-6) {
                double[] candidate = v.clone();
                for (int i = 0; i < d.length; i++) {
                    candidate[i] = Math.max(-Transform.FREE_BOUND, Math.min(Transform.FREE_BOUND, candidate[i] + step * d[i]));
                }
                double c = f.applyAsDouble(candidate);
                if (c >= value - 1e-12) {
                    v = candidate;
                    value = c;
                    moved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!moved) {
                break;
            }
        }
        return new Attempt(natural(transform, base, free, v), value, null, Double.NaN, false, true,
                where + "; the other parameters did not converge");
    }

    private static double[] natural(Transform transform, double[] base, List<Integer> free, double[] v) {
        double[] w = base.clone();
        for (int j = 0; j < v.length; j++) {
            w[free.get(j)] = v[j];
        }
        return transform.toNatural(w);
    }

    /** d = (−H)⁻¹ g, or null when −H is not positive definite. */
    private static double[] newtonStep(double[][] hess, double[] g) {
        RealMatrix neg = new Array2DRowRealMatrix(hess).scalarMultiply(-1);
        try {
            return new CholeskyDecomposition(neg, 1e-10, 1e-14).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static GarchFit finish(GarchSpec spec, Likelihood lik, Attempt a, double scale, int tried, int evaluations) {
        Layout l = lik.layout;
        int k = l.size;
        int n = lik.n;
        double[] theta = a.theta;
        double value = lik.evaluate(theta, null);
        double initial = lik.initialUsed;
        double[] h = Derivatives.steps(theta, lik.layout.beta);
        double[][] hess = a.hessian != null ? a.hessian : Derivatives.hessian(th -> lik.evaluate(th, null), theta, h, value);
        double[][] m = new double[k][k]; // Σ s(t)s(t)', the sandwich's middle
        if (lik.hasAnalyticDerivatives()) {
            lik.derivatives(theta, new double[k], new double[k][k], m);
        } else {
            for (double[] st : Derivatives.scores(lik, theta, h)) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        m[i][j] += st[i] * st[j];
                    }
                }
            }
        }
        double[] se = new double[k];
        double[] robust = new double[k];
        Arrays.fill(se, Double.NaN);
        Arrays.fill(robust, Double.NaN);
        String message = a.message;
        boolean converged = a.converged;

        // Map to the units of the returns: θ_raw = m(θ), Cov_raw = J Cov J'.
        double[] raw = theta.clone();
        double[][] jac = new double[k][k];
        for (int i = 0; i < k; i++) {
            jac[i][i] = 1;
        }
        double s2 = scale * scale;
        if (l.mu >= 0) {
            raw[l.mu] = theta[l.mu] * scale;
            jac[l.mu][l.mu] = scale;
        }
        if (spec.variance() == VarianceModel.EGARCH) {
            raw[l.omega] = theta[l.omega] + (1 - theta[l.beta]) * Math.log(s2);
            jac[l.omega][l.beta] = -Math.log(s2);
        } else {
            raw[l.omega] = theta[l.omega] * s2;
            jac[l.omega][l.omega] = s2;
        }
        boolean finite = Arrays.stream(hess).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
        if (!finite) {
            message = message + "; no standard errors: the likelihood cannot be differentiated there (a parameter on"
                    + " its boundary)";
        } else try {
            RealMatrix negH = new Array2DRowRealMatrix(hess).scalarMultiply(-1);
            RealMatrix inv = new CholeskyDecomposition(negH, 1e-10, 1e-14).getSolver().getInverse();
            RealMatrix meat = new Array2DRowRealMatrix(m);
            RealMatrix j = new Array2DRowRealMatrix(jac);
            RealMatrix cov = j.multiply(inv).multiply(j.transpose());
            RealMatrix sandwich = j.multiply(inv.multiply(meat).multiply(inv)).multiply(j.transpose());
            for (int i = 0; i < k; i++) {
                se[i] = Math.sqrt(cov.getEntry(i, i));
                robust[i] = Math.sqrt(sandwich.getEntry(i, i));
            }
            double inflation = maxVarianceInflation(inv, hess);
            // on a boundary a parameter is held there, so its inflation says nothing about identification
            if (converged && !a.onBoundary && !(inflation < MAX_VARIANCE_INFLATION)) {
                converged = false;
                message = "the parameters are not identified: the likelihood is flat along a combination of them"
                        + " (largest variance inflation factor " + String.format(Locale.ROOT, "%.3g", inflation)
                        + ")";
            }
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            message = message + "; the Hessian is not negative definite, so no standard errors";
        }
        Convergence c = new Convergence(converged, a.onBoundary, tried, evaluations, a.decrement, message);
        return new GarchFit(spec, n, spec.parameterNames(), raw, se, robust, value - n * Math.log(scale),
                initial * s2, c);
    }

    /**
     * Above this variance inflation factor a parameter is a near-exact combination of the others
     * in the likelihood: a ridge, not a maximum. The factor of parameter i is
     * Cov(i,i)·(−H)(i,i) = 1/(1 − R²(i)), R²(i) its squared multiple correlation with the other
     * estimates. Regular fits (simulated, and the market series of bench/garch) stay below a few
     * hundred; an exact ridge gave 2·10⁴ (finite-difference noise keeps it finite).
     */
    static final double MAX_VARIANCE_INFLATION = 2e3;

    private static double maxVarianceInflation(RealMatrix cov, double[][] hess) {
        double max = 0;
        for (int i = 0; i < hess.length; i++) {
            max = Math.max(max, -cov.getEntry(i, i) * hess[i][i]);
        }
        return max;
    }

    /** Starting points in the scaled units (returns of variance ≈ 1). */
    private static List<double[]> starts(GarchSpec spec, Layout l, double scaledMean) {
        double[][] variance = switch (spec.variance()) {
            // α, γ, β
            case GARCH -> new double[][] {{0.1, 0, 0.8}, {0.05, 0, 0.93}, {0.2, 0, 0.5}};
            case GJR -> new double[][] {{0.05, 0.1, 0.8}, {0.03, 0.06, 0.9}, {0.1, 0.2, 0.5}};
            case EGARCH -> new double[][] {{0.1, -0.05, 0.95}, {0.2, -0.1, 0.8}, {0.05, 0, 0.99}};
        };
        double[] nus = {8, 5, 20};
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < variance.length; s++) {
            double[] th = new double[l.size];
            if (l.mu >= 0) {
                th[l.mu] = scaledMean;
            }
            double alpha = variance[s][0];
            double gamma = variance[s][1];
            double beta = variance[s][2];
            th[l.alpha] = alpha;
            th[l.beta] = beta;
            if (l.gamma >= 0) {
                th[l.gamma] = gamma;
            }
            th[l.omega] = spec.variance() == VarianceModel.EGARCH ? 0 : 1 - alpha - gamma / 2 - beta;
            if (l.nu >= 0) {
                th[l.nu] = nus[s];
            }
            out.add(th);
        }
        return out;
    }
}
