package dev.foresight.strategies.garch;

import java.util.function.ToDoubleFunction;

/**
 * Central finite differences of the log-likelihood. Steps are relative to each parameter with a
 * floor, so that a parameter near zero (α on the boundary) still gets a step far above rounding
 * error: with ℓ of order 10³ and double precision the rounding error of ℓ is ~10⁻¹², so steps of
 * 10⁻⁵…10⁻⁴ give gradients to ~10⁻⁷ and Hessians to a few parts in 10⁴ of their size.
 */
final class Derivatives {

    private static final double RELATIVE_STEP = 1e-4;
    private static final double STEP_FLOOR = 1e-5;

    private Derivatives() {
    }

    /**
     * Steps per parameter. β's step is relative to its distance from 1 instead of to its size:
     * near a unit root the likelihood's curvature in β grows like (1 − β)^-3, and a step of
     * 1e-4·β would leave a truncation error that stops Newton's method short (seen with EGARCH).
     */
    static double[] steps(double[] theta, int beta) {
        double[] h = new double[theta.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(STEP_FLOOR, RELATIVE_STEP * Math.abs(theta[i]));
        }
        if (beta >= 0) {
            h[beta] = RELATIVE_STEP * Math.max(1e-3, Math.min(Math.abs(theta[beta]), 1 - Math.abs(theta[beta])));
        }
        return h;
    }

    static double[] gradient(ToDoubleFunction<double[]> f, double[] theta, double[] h) {
        int k = theta.length;
        double[] g = new double[k];
        double[] x = theta.clone();
        for (int i = 0; i < k; i++) {
            x[i] = theta[i] + h[i];
            double up = f.applyAsDouble(x);
            x[i] = theta[i] - h[i];
            double down = f.applyAsDouble(x);
            x[i] = theta[i];
            g[i] = (up - down) / (2 * h[i]);
        }
        return g;
    }

    static double[][] hessian(ToDoubleFunction<double[]> f, double[] theta, double[] h, double f0) {
        return hessian(f, theta, h, f0, new double[theta.length]);
    }

    /** The Hessian, and into {@code gradient} the central-difference gradient from the same evaluations. */
    static double[][] hessian(ToDoubleFunction<double[]> f, double[] theta, double[] h, double f0, double[] gradient) {
        int k = theta.length;
        double[][] hess = new double[k][k];
        double[] x = theta.clone();
        for (int i = 0; i < k; i++) {
            x[i] = theta[i] + h[i];
            double up = f.applyAsDouble(x);
            x[i] = theta[i] - h[i];
            double down = f.applyAsDouble(x);
            x[i] = theta[i];
            hess[i][i] = (up - 2 * f0 + down) / (h[i] * h[i]);
            gradient[i] = (up - down) / (2 * h[i]);
            for (int j = 0; j < i; j++) {
                x[i] = theta[i] + h[i];
                x[j] = theta[j] + h[j];
                double pp = f.applyAsDouble(x);
                x[j] = theta[j] - h[j];
                double pm = f.applyAsDouble(x);
                x[i] = theta[i] - h[i];
                double mm = f.applyAsDouble(x);
                x[j] = theta[j] + h[j];
                double mp = f.applyAsDouble(x);
                x[i] = theta[i];
                x[j] = theta[j];
                hess[i][j] = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                hess[j][i] = hess[i][j];
            }
        }
        return hess;
    }

    /** Per-observation scores: row t = ∂ℓ(t)/∂θ, by central differences of the contributions. */
    static double[][] scores(Likelihood lik, double[] theta, double[] h) {
        int k = theta.length;
        int n = lik.n;
        double[][] s = new double[n][k];
        double[] up = new double[n];
        double[] down = new double[n];
        double[] x = theta.clone();
        for (int i = 0; i < k; i++) {
            x[i] = theta[i] + h[i];
            lik.evaluate(x, up);
            x[i] = theta[i] - h[i];
            lik.evaluate(x, down);
            x[i] = theta[i];
            for (int t = 0; t < n; t++) {
                s[t][i] = (up[t] - down[t]) / (2 * h[i]);
            }
        }
        return s;
    }
}
