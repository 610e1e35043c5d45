package dev.foresight.strategies.garch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The likelihood of tiny series against values worked out by hand (steps in the comments). */
class LikelihoodTest {

    private static final double[] R = {0.01, -0.02, 0.015};

    /**
     * GARCH(1,1), zero mean, normal, ω = 1e-5, α = 0.1, β = 0.8, sample-variance start.
     * V = (1e-4 + 4e-4 + 2.25e-4)/3 = 2.416667e-4.
     * σ²(0) = 1e-5 + 0.9·V = 2.275e-4; σ²(1) = 1e-5 + 0.1·1e-4 + 0.8·2.275e-4 = 2.02e-4;
     * σ²(2) = 1e-5 + 0.1·4e-4 + 0.8·2.02e-4 = 2.116e-4.
     * ℓ = Σ −½(ln 2π + ln σ² + r²/σ²) = 3.055451 + 2.266862 + 2.857537 = 8.179849673694953.
     */
    @Test
    void likelihood_gaussianGarchLogLikelihoodOfThreeReturnsMatchesTheHandComputation() {
        Likelihood lik = new Likelihood(GarchSpec.of(VarianceModel.GARCH, MeanModel.ZERO, Innovations.NORMAL), R);
        double ll = lik.evaluate(new double[] {1e-5, 0.1, 0.8}, null);
        assertEquals(8.179849673694953, ll, 1e-12);
        lik.filter(new double[] {1e-5, 0.1, 0.8});
        assertEquals(2.275e-4, lik.variance[0], 1e-18);
        assertEquals(2.02e-4, lik.variance[1], 1e-18);
        assertEquals(2.116e-4, lik.variance[2], 1e-18);
    }

    /**
     * GJR(1,1), constant mean μ = 0.001, standardised t with ν = 5, ω = 1e-5, α = 0.05, γ = 0.1, β = 0.8.
     * e = (0.009, −0.021, 0.014); V = mean e² = 2.393333e-4.
     * σ²(0) = ω + (α + γ/2 + β)·V = 2.2540e-4; σ²(1) = ω + α·0.009² + β·σ²(0) = 1.9437e-4 (e(0) &gt; 0: no γ);
     * σ²(2) = ω + (α + γ)·0.021² + β·σ²(1) = 2.31646e-4 (e(1) &lt; 0: γ applies).
     * ℓ(t) = c − ½ ln σ² − 3 ln(1 + e²/(3σ²)), c = ln Γ(3) − ln Γ(2.5) − ½ ln(3π) = −0.713206777;
     * Σ ℓ = 7.7428379219327965.
     */
    @Test
    void likelihood_studentTGjrLogLikelihoodOfThreeReturnsMatchesTheHandComputation() {
        Likelihood lik = new Likelihood(GarchSpec.of(VarianceModel.GJR, MeanModel.CONSTANT, Innovations.STUDENT_T), R);
        double ll = lik.evaluate(new double[] {0.001, 1e-5, 0.05, 0.1, 0.8, 5}, null);
        assertEquals(-0.7132067771717296, Likelihood.tConstant(5), 1e-13);
        assertEquals(2.3164600e-4, lik.variance[2], 1e-17);
        assertEquals(7.7428379219327965, ll, 1e-11);
    }

    /** The optimiser's one-pass path for GARCH-normal against the general two-pass path (which contributions force). */
    @Test
    void fusedGaussianGarchPath_equalsTheGeneralPath() {
        double[] r = Simulator.simulate(GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL),
                new double[] {1e-3, 2e-6, 0.1, 0.85}, 500, 1);
        Likelihood lik = new Likelihood(GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL), r);
        double[] theta = {5e-4, 3e-6, 0.12, 0.8};
        double fused = lik.evaluate(theta, null);
        double general = lik.evaluate(theta, new double[r.length]);
        assertEquals(general, fused, 1e-9);
        assertEquals(Likelihood.INVALID, lik.evaluate(new double[] {0, -1e-3, 0.1, 0.8}, null));
    }

    /** The blocked-logarithm sum (used without contributions) against the bar-by-bar sum, for each model. */
    @Test
    void likelihood_blockedAndBarByBarSumsAgree() {
        for (VarianceModel v : VarianceModel.values()) {
            for (Innovations d : Innovations.values()) {
                GarchSpec spec = GarchSpec.of(v, MeanModel.CONSTANT, d);
                double[] theta = new double[spec.parameterCount()];
                Layout l = new Layout(spec);
                theta[l.mu] = 5e-4;
                theta[l.omega] = v == VarianceModel.EGARCH ? -0.2 : 3e-6;
                theta[l.alpha] = v == VarianceModel.EGARCH ? 0.15 : 0.05;
                if (l.gamma >= 0) {
                    theta[l.gamma] = v == VarianceModel.EGARCH ? -0.05 : 0.08;
                }
                theta[l.beta] = v == VarianceModel.EGARCH ? 0.98 : 0.88;
                if (l.nu >= 0) {
                    theta[l.nu] = 6;
                }
                double[] r = Simulator.simulate(spec, theta, 777, 5);
                Likelihood lik = new Likelihood(spec, r);
                double[] c = new double[r.length];
                double barByBar = lik.evaluate(theta, c);
                assertEquals(barByBar, lik.evaluate(theta, null), 1e-9 * Math.abs(barByBar), spec.label());
            }
        }
    }

    @Test
    void likelihood_contributionsSumToTheLogLikelihood() {
        Likelihood lik = new Likelihood(GarchSpec.of(VarianceModel.EGARCH, MeanModel.AR1, Innovations.STUDENT_T), R);
        double[] c = new double[3];
        double ll = lik.evaluate(new double[] {0.001, 0.2, -0.5, 0.1, -0.05, 0.95, 6}, c);
        assertEquals(ll, c[0] + c[1] + c[2], 1e-12);
    }

    /** E|z| of the unit-variance t tends to the normal's √(2/π) and is ≈ 0.7593 at ν = 5 (2√3·Γ(3)/(4Γ(2.5)√π)). */
    @Test
    void likelihood_meanAbsoluteInnovationOfTheUnitVarianceT() {
        assertEquals(Math.sqrt(2 / Math.PI), Likelihood.meanAbsZ(1e7), 1e-6);
        assertEquals(2 * Math.sqrt(3) * 2 / (4 * 1.329340388179137 * Math.sqrt(Math.PI)), Likelihood.meanAbsZ(5), 1e-12);
    }

    @Test
    void fgarchStartUp_usesTheAparchAlpha() {
        // α = 0.04, γ = 0.12: √0.16 = 0.4, √0.04 = 0.2 ⇒ α_ap = (0.3)² = 0.09; and α_ap(1 − γ_ap)² = α with γ_ap = 1/3.
        assertEquals(0.09, Likelihood.aparchAlpha(0.04, 0.12), 1e-15);
        assertEquals(0.04, 0.09 * Math.pow(1 - 1.0 / 3, 2), 1e-15);
    }

    /**
     * The exact derivatives of {@link Likelihood#derivatives} against central differences (of the
     * value for the gradient, of the so-checked gradient for the Hessian, of the per-bar
     * contributions for the sandwich's Σ s(t)s(t)'), with zero and constant mean, at a
     * point away from the optimum; the value is the fused path's to the last bit.
     */
    @Test
    void likelihood_exactGradientAndHessianOfGaussianGarchEqualFiniteDifferences() {
        for (MeanModel mean : new MeanModel[] {MeanModel.CONSTANT, MeanModel.ZERO}) {
            GarchSpec spec = new GarchSpec(VarianceModel.GARCH, mean, Innovations.NORMAL, InitialVariance.FGARCH);
            double[] r = Simulator.simulate(GarchSpec.of(VarianceModel.GARCH, MeanModel.CONSTANT, Innovations.NORMAL),
                    new double[] {0.05, 0.05, 0.1, 0.85}, 800, 3);
            Likelihood lik = new Likelihood(spec, r);
            assertEquals(true, lik.hasAnalyticDerivatives());
            double[] theta = mean == MeanModel.ZERO ? new double[] {0.08, 0.15, 0.7} : new double[] {0.02, 0.08, 0.15, 0.7};
            int k = theta.length;
            double[] g = new double[k];
            double[][] h = new double[k][k];
            double[][] products = new double[k][k];
            double value = lik.derivatives(theta, g, h, products);
            // the sandwich's middle against the outer products of finite-difference scores
            double[][] fdScores = Derivatives.scores(lik, theta, Derivatives.steps(theta, lik.layout.beta));
            assertEquals(lik.evaluate(theta, null), value, 0.0);
            // gradient against central differences of the value; Hessian against central
            // differences of the gradient (so both are tied to the value), steps 1e-6·max(|θ|, 0.1)
            double[] fdGradient = new double[k];
            double[][] fdHessian = new double[k][k];
            for (int i = 0; i < k; i++) {
                double step = 1e-6 * Math.max(Math.abs(theta[i]), 0.1);
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[i] += step;
                down[i] -= step;
                fdGradient[i] = (lik.evaluate(up, null) - lik.evaluate(down, null)) / (2 * step);
                double[] gUp = new double[k];
                double[] gDown = new double[k];
                lik.derivatives(up, gUp, new double[k][k], null);
                lik.derivatives(down, gDown, new double[k][k], null);
                for (int j = 0; j < k; j++) {
                    fdHessian[j][i] = (gUp[j] - gDown[j]) / (2 * step);
                }
            }
            for (int i = 0; i < k; i++) {
                assertEquals(fdGradient[i], g[i], 1e-5 * Math.max(1, Math.abs(g[i])), mean + " gradient " + i);
                for (int j = 0; j < k; j++) {
                    double outer = 0;
                    for (double[] st : fdScores) {
                        outer += st[i] * st[j];
                    }
                    assertEquals(outer, products[i][j], 1e-5 * Math.abs(products[i][j]), mean + " score products " + i + "," + j);
                    assertEquals(fdHessian[i][j], h[i][j], 1e-6 * Math.max(1, Math.abs(h[i][j])), mean + " hessian " + i + "," + j);
                    assertEquals(h[j][i], h[i][j], 0.0);
                }
            }
        }
    }
}
