package dev.foresight.strategies.garch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Standard errors, forecasts, the filter's causality and how failures are reported. */
class GarchFitTest {

    private static final GarchSpec GARCH_N = GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL);
    private static final double[] TRUTH = {3e-4, 4e-6, 0.1, 0.85};

    /**
     * The Hessian standard errors come from a scaled problem mapped back to the data's units. Here
     * they are recomputed independently: a 5-point-stencil Hessian of the likelihood of the
     * unscaled returns at the reported estimates, inverted directly.
     */
    @Test
    void standardErrors_equalThoseOfAnIndependentNumericalHessianInTheDataUnits() {
        double[] r = Simulator.simulate(GARCH_N, TRUTH, 3000, 5);
        GarchFit fit = GarchEstimator.fit(r, GARCH_N);
        assertTrue(fit.convergence().converged(), fit.toString());
        Likelihood lik = new Likelihood(GARCH_N, r);
        double[] th = fit.estimates();
        int k = th.length;
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = 1e-3 * Math.abs(th[i]);
        }
        double[][] hess = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hess[i][j] = mixed(lik, th, i, j, h);
            }
        }
        double[][] cov = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(hess).scalarMultiply(-1)).getSolver()
                .getInverse().getData();
        for (int i = 0; i < k; i++) {
            assertEquals(Math.sqrt(cov[i][i]), fit.standardErrors()[i], 0.02 * Math.sqrt(cov[i][i]), fit.names().get(i));
        }
        // the fit's log-likelihood is that of the unscaled returns
        assertEquals(lik.evaluate(th, null), fit.logLikelihood(), 1e-6);
    }

    /** ∂²ℓ/∂θi∂θj by the 4-point formula on each axis pair (central, O(h²)). */
    private static double mixed(Likelihood lik, double[] th, int i, int j, double[] h) {
        double s = 0;
        int[][] signs = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        for (int[] sg : signs) {
            double[] x = th.clone();
            x[i] += sg[0] * h[i];
            x[j] += sg[1] * h[j];
            s += sg[2] * lik.evaluate(x, null);
        }
        return s / (4 * h[i] * h[j]);
    }

    @Test
    void garchFit_garchAndGjrVarianceForecastsFollowTheClosedForm() {
        for (GarchSpec spec : new GarchSpec[] {GARCH_N,
                GarchSpec.of(VarianceModel.GJR, MeanModel.CONSTANT, Innovations.STUDENT_T)}) {
            double[] theta = spec.variance() == VarianceModel.GARCH ? TRUTH : new double[] {3e-4, 4e-6, 0.04, 0.1, 0.85, 7};
            GarchFit fit = fixed(spec, theta);
            double[] r = Simulator.simulate(spec, theta, 500, 9);
            Filtered f = fit.filter(r);
            double p = fit.persistence();
            double v = fit.unconditionalVariance();
            double[] forecast = fit.varianceForecasts(f, 30);
            for (int k = 1; k <= 30; k++) {
                double closed = v + Math.pow(p, k - 1) * (f.nextVariance() - v);
                assertEquals(closed, forecast[k - 1], 1e-12 * closed, spec.label() + " step " + k);
            }
            assertEquals(Math.log(0.5) / Math.log(p), fit.halfLife(), 1e-12);
        }
    }

    /** EGARCH with normal shocks: the exact h-step expectation against a Monte Carlo average of simulated paths. */
    @Test
    void egarchVarianceForecast_agreesWithMonteCarlo() {
        GarchSpec spec = GarchSpec.of(VarianceModel.EGARCH, MeanModel.ZERO, Innovations.NORMAL);
        double[] theta = {-0.3, 0.2, -0.1, 0.97};
        GarchFit fit = fixed(spec, theta);
        Filtered f = fit.filter(Simulator.simulate(spec, theta, 300, 3));
        int h = 10;
        double[] forecast = fit.varianceForecasts(f, h);
        Random rng = new Random(1);
        int paths = 200_000;
        double sum = 0;
        double m = Math.sqrt(2 / Math.PI);
        for (int p = 0; p < paths; p++) {
            double ls2 = Math.log(f.nextVariance());
            for (int k = 1; k < h; k++) {
                double z = rng.nextGaussian();
                ls2 = theta[0] + theta[1] * (Math.abs(z) - m) + theta[2] * z + theta[3] * ls2;
            }
            sum += Math.exp(ls2);
        }
        double mc = sum / paths;
        assertEquals(mc, forecast[h - 1], 0.01 * mc);
    }

    @Test
    void garchFit_filterIsCausalAPrefixGivesThePrefixOfTheResult() {
        GarchSpec spec = GarchSpec.of(VarianceModel.GJR, MeanModel.AR1, Innovations.NORMAL);
        double[] theta = {1e-4, 0.05, 4e-6, 0.04, 0.1, 0.85};
        GarchFit fit = fixed(spec, theta);
        double[] r = Simulator.simulate(spec, theta, 400, 4);
        Filtered full = fit.filter(r);
        for (int t : new int[] {1, 50, 399}) {
            Filtered prefix = fit.filter(Arrays.copyOf(r, t + 1));
            assertArrayEquals(Arrays.copyOf(full.variances(), t + 1), prefix.variances(), 0.0);
            assertArrayEquals(Arrays.copyOf(full.standardised(), t + 1), prefix.standardised(), 0.0);
            // the state after bar t forecasts σ²(t+1), which the full filter holds at t+1
            if (t < 399) {
                assertEquals(full.variances()[t + 1], prefix.nextVariance(), 1e-20);
            }
        }
    }

    @Test
    void rmsForecast_isTheRootOfTheMeanForecastSquaredReturn() {
        GarchFit fit = fixed(GARCH_N, TRUTH);
        Filtered f = fit.filter(Simulator.simulate(GARCH_N, TRUTH, 200, 2));
        double[] v = fit.varianceForecasts(f, 5);
        double expected = Math.sqrt((v[0] + v[1] + v[2] + v[3] + v[4]) / 5 + 3e-4 * 3e-4);
        assertEquals(expected, fit.rmsForecast(f, 5), 1e-15);
    }

    /**
     * Returns ±1% alternating: every squared residual is the same, so the best model is a constant
     * variance, reached along a whole ridge of (ω, α, β) — no strict maximum exists. Reporting a
     * number as converged here would be a silent wrong answer.
     */
    @Test
    void garchFit_aLikelihoodWithoutAStrictMaximumIsReportedAsNotConverged() {
        double[] r = new double[2000];
        for (int t = 0; t < r.length; t++) {
            r[t] = t % 2 == 0 ? 0.01 : -0.01;
        }
        GarchFit fit = GarchEstimator.fit(r, GARCH_N);
        assertFalse(fit.convergence().converged(), fit.toString());
        assertFalse(fit.convergence().message().isBlank());
        assertTrue(fit.convergence().message().contains("not identified"), fit.convergence().message());
    }

    @Test
    void garchFit_tooFewOrConstantReturnsAreRejectedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> GarchEstimator.fit(new double[10], GARCH_N));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
        double[] flat = new double[100];
        Arrays.fill(flat, 0.001);
        e = assertThrows(IllegalArgumentException.class, () -> GarchEstimator.fit(flat, GARCH_N));
        assertTrue(e.getMessage().contains("all equal"), e.getMessage());
    }

    /** A fit object with given parameters (the estimator is not under test here). */
    private static GarchFit fixed(GarchSpec spec, double[] theta) {
        double[] nan = new double[theta.length];
        Arrays.fill(nan, Double.NaN);
        double v0 = 1e-4;
        return new GarchFit(spec, 100, spec.parameterNames(), theta, nan, nan, 0, v0,
                new Convergence(true, false, 1, 0, 0, "given"));
    }

    /**
     * The exact-Hessian Newton path (Gaussian GARCH) against the general procedure (BOBYQA, then
     * finite-difference Newton) on series of several kinds: typical, high and low persistence, an
     * α near its boundary, heavy tails (t(4) shocks fitted by a normal model), zero and constant
     * mean. Both must reach the same optimum: the exact path's ℓ at least the general one's (its
     * finite-difference gradient stops it up to ~1e-8 short near a unit root) and within 1e-7,
     * estimates to 1e-5 relative or 0.001 standard errors, the same convergence status, and
     * standard errors to 1e-3 (the general path's Hessian is a finite difference).
     */
    @Test
    void exactNewtonPath_reachesTheGeneralProcedureOptimum() {
        double[][] truths = {{3e-4, 4e-6, 0.1, 0.85}, {0, 1e-6, 0.05, 0.94}, {1e-3, 5e-5, 0.2, 0.5},
                {2e-4, 2e-6, 0.005, 0.97}, {5e-4, 1e-5, 0.12, 0.8}};
        int seed = 11;
        for (double[] truth : truths) {
            for (MeanModel mean : new MeanModel[] {MeanModel.CONSTANT, MeanModel.ZERO}) {
                GarchSpec spec = new GarchSpec(VarianceModel.GARCH, mean, Innovations.NORMAL, InitialVariance.FGARCH);
                GarchSpec simulated = truth == truths[4]
                        ? GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.STUDENT_T) : GARCH_N;
                double[] theta = truth == truths[4] ? new double[] {truth[0], truth[1], truth[2], truth[3], 4} : truth;
                double[] r = Simulator.simulate(simulated, theta, 2000, seed++);
                GarchFit exact = GarchEstimator.fit(r, spec);
                GarchFit general = GarchEstimator.fit(r, spec, false);
                String what = Arrays.toString(truth) + " " + mean + ": " + exact + " vs " + general;
                assertEquals(general.convergence().converged(), exact.convergence().converged(), what);
                assertTrue(exact.logLikelihood() >= general.logLikelihood() - 1e-9, what);
                assertEquals(general.logLikelihood(), exact.logLikelihood(), 1e-7, what);
                for (int i = 0; i < exact.estimates().length; i++) {
                    assertEquals(general.estimates()[i], exact.estimates()[i],
                            Math.max(1e-5 * Math.abs(general.estimates()[i]), 1e-3 * general.standardErrors()[i]),
                            what + " parameter " + i);
                    assertEquals(general.standardErrors()[i], exact.standardErrors()[i],
                            1e-3 * general.standardErrors()[i], what + " standard error " + i);
                }
            }
        }
    }
}
