package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hansen, "A Test for Superior Predictive Ability", JBES 23(4), 2005. */
class SuperiorPredictiveAbilityTest {

    /**
     * Size under the null, by simulation: 10 models, none better than the benchmark — 4 exactly as good
     * (the least favourable configuration), 6 worse. The consistent p-value rejects at 5% in at most
     * 5% of 500 simulations plus two Monte Carlo standard errors (√(0.05·0.95/500) ≈ 0.0097); the
     * lower ≤ consistent ≤ upper ordering holds in every one.
     */
    @Test
    void consistentTest_holdsItsSizeUnderTheNull() {
        SplittableRandom random = new SplittableRandom(2005);
        int sims = 500;
        int rejected = 0;
        for (int s = 0; s < sims; s++) {
            double[] mu = {0, 0, 0, 0, -0.2, -0.2, -0.3, -0.3, -0.5, -0.5}; // benchmark loss − model loss
            var r = simulate(random, 300, mu, s);
            rejected += r.pConsistent() < 0.05 ? 1 : 0;
            assertTrue(r.pLower() <= r.pConsistent() && r.pConsistent() <= r.pUpper(), r.toString());
        }
        double size = (double) rejected / sims;
        assertTrue(size <= 0.05 + 2 * 0.0097, "rejection rate under the null " + size);
    }

    /**
     * Power, and why the SPA test recentres: one model truly better (d̄ = 0.25 sd) among nine poor ones.
     * The consistent test finds it in most simulations; the upper bound (the Reality Check, which lets
     * the poor models widen the null distribution) finds it less often.
     */
    @Test
    void oneBetterModel_isFound_andPoorModelsDoNotHideIt() {
        SplittableRandom random = new SplittableRandom(7);
        int sims = 200;
        int consistent = 0;
        int upper = 0;
        for (int s = 0; s < sims; s++) {
            double[] mu = {0.25, -1, -1, -1, -1, -1, -1, -1, -1, -1};
            var r = simulate(random, 200, mu, s);
            consistent += r.pConsistent() < 0.05 ? 1 : 0;
            upper += r.pUpper() < 0.05 ? 1 : 0;
            assertEquals(0, r.best());
        }
        assertTrue(consistent >= 0.8 * sims, "consistent SPA rejected in " + consistent + " of " + sims);
        assertTrue(consistent >= upper, consistent + " vs " + upper);
    }

    /**
     * Independent check of ω̂²: Hansen's kernel is the variance of √n·d̄* under the stationary bootstrap
     * (Politis &amp; Romano 1994, Lemma 1); 20,000 resamples of an AR(1) series must agree with it within a
     * few percent (the Monte Carlo error of a variance from 20,000 draws is about 1%).
     */
    @Test
    void omega_isTheStationaryBootstrapVarianceOfTheMean() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 500;
        double[] x = new double[n];
        double prev = 0;
        for (int t = 0; t < n; t++) {
            prev = 0.6 * prev + ModelConfidenceSetTest.gaussian(random);
            x[t] = prev;
        }
        double mean = ModelConfidenceSet.mean(x);
        double blockLength = 8;
        double kernel = SuperiorPredictiveAbility.longRunVariance(x, mean, 1 / blockLength);
        int reps = 20_000;
        double ss = 0;
        SplittableRandom r = new SplittableRandom(3);
        for (int b = 0; b < reps; b++) {
            int[] idx = StationaryBootstrap.indices(n, blockLength, r);
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            double dev = s / n - mean;
            ss += n * dev * dev;
        }
        double bootstrap = ss / reps;
        assertEquals(1.0, kernel / bootstrap, 0.04, "kernel " + kernel + " vs bootstrap " + bootstrap);
        // and with q = 1 (i.i.d. resampling) the kernel is the plain variance γ̂_0
        double g0 = 0;
        for (double v : x) {
            g0 += (v - mean) * (v - mean);
        }
        assertEquals(g0 / n, SuperiorPredictiveAbility.longRunVariance(x, mean, 1), 1e-12);
    }

    /**
     * Against code that shares nothing with ours, on the LCG losses and resamples of
     * {@link ModelConfidenceSetTest#modelConfidenceSet_matchesArchOnTheSameResamples} (reproduced exactly in
     * Python): benchmark = loss row 2, models = rows 0, 1, 3, 4 + 0.2 (clearly worse) and 5; 120 bars, 500
     * resamples of mean block 5. ω̂ and the consistent rule's "not too poor" set come from the Python package
     * arch 8.0.0 ({@code SPA(bench, models.T, block_size=5)._compute_variance()} and
     * {@code _check_column_validity()}: model 3 only is left un-recentred). The p-values cannot come from arch:
     * its {@code SPA.compute} compares unstudentised means (its {@code studentize} flag only labels the
     * output) and does not floor the statistic at 0, so they come from a numpy implementation written from
     * Hansen (2005), eqs. for T^SPA, μ̂^l, μ̂^c, μ̂^u and p = B⁻¹ Σ 1{T*_b > T}, fed arch's ω̂ — T = 1.67014996838949,
     * p (lower, consistent, upper) = 0.092, 0.122, 0.142. Reproduce: {@code python3 framework/src/test/reference/statistics_reference.py}.
     */
    @Test
    void superiorPredictiveAbility_matchesArchVarianceAndAnIndependentImplementation() {
        double[][] l = ModelConfidenceSetTest.lcgLosses(6, 120, 42);
        int[][] resamples = ModelConfidenceSetTest.lcgResamples(120, 500, 5, 7);
        double[] shifted = l[4].clone();
        for (int t = 0; t < shifted.length; t++) {
            shifted[t] += 0.2;
        }
        double[][] models = {l[0], l[1], l[3], shifted, l[5]};
        double[][] d = new double[models.length][120];
        for (int k = 0; k < models.length; k++) {
            for (int t = 0; t < 120; t++) {
                d[k][t] = l[2][t] - models[k][t];
            }
        }
        var r = SuperiorPredictiveAbility.test(d, resamples, new StationaryBootstrap(5, 500, 7));
        double[] archOmega = {0.45964981077734524, 0.5437455470381308, 0.44994313095512967, 0.6019419532426395,
                0.6202356097158694};
        for (int k = 0; k < archOmega.length; k++) {
            assertEquals(archOmega[k], r.omega()[k], 1e-13, "omega of model " + k);
        }
        assertEquals(1.6701499683894918, r.statistic(), 1e-12);
        assertEquals(0, r.best());
        assertEquals(0.092, r.pLower(), 1e-12);
        assertEquals(0.122, r.pConsistent(), 1e-12);
        assertEquals(0.142, r.pUpper(), 1e-12);
    }

    /** A hand-sized case: two models, given resamples; every number follows from the formulas on the class. */
    @Test
    void superiorPredictiveAbility_matchesAHandComputedCase() {
        double[][] d = {{1, 0, 2, 1}, {-1, -1, 0, -2}};
        int[][] resamples = {{0, 1, 2, 3}, {1, 1, 1, 1}, {2, 2, 2, 2}, {3, 0, 1, 2}};
        var r = SuperiorPredictiveAbility.test(d, resamples, new StationaryBootstrap(1, 100, 0));
        // q = 1: ω̂² = γ̂_0. Model 0: d̄ = 1, γ̂_0 = (0 + 1 + 1 + 0)/4 = 0.5; model 1: d̄ = −1, γ̂_0 = 0.5.
        assertEquals(1.0, r.meanDifference()[0], 0);
        assertEquals(Math.sqrt(0.5), r.omega()[0], 1e-15);
        double t0 = 2 * 1 / Math.sqrt(0.5); // √n d̄/ω̂ = 2.828…
        assertEquals(t0, r.statistic(), 1e-12);
        // Model 1: t = −2.83 < −√(2 ln ln 4) = −1.28: not recentred in the consistent null (μ = 0), nor in the lower.
        // Resample means of model 0: 1, 0, 2, 1; model 1: −1, −1, 0, −1.
        // upper (μ = d̄): T* = max(0, 2(m0*−1)/ω, 2(m1*+1)/ω) = 0, 0, 2.83, 0 → none > 2.83 → p = 0
        // consistent: model 0 recentred by 1, model 1 by 0 → T* = 0, 0, 2.83, 0 → p = 0
        // lower: same as consistent (d̄_1 < 0 → 0) → p = 0
        assertEquals(0.0, r.pUpper(), 0);
        assertEquals(0.0, r.pConsistent(), 0);
        // Shift the benchmark so that model 0 is no better (d̄ = 0): T = 0, its least possible value; every
        // T* ≥ 0 = T, so no critical value lies below T: p = 1 (not the 1/4 of resamples with T* > 0).
        double[][] d2 = {{0, -1, 1, 0}, {-1, -1, 0, -2}};
        var r2 = SuperiorPredictiveAbility.test(d2, resamples, new StationaryBootstrap(1, 100, 0));
        assertEquals(0.0, r2.statistic(), 0);
        assertEquals(1.0, r2.pConsistent(), 0);
        assertEquals(1.0, r2.pLower(), 0);
        assertEquals(1.0, r2.pUpper(), 0);
    }

    /**
     * Every strategy clearly worse than the benchmark (as on SPY: an AR or a GARCH sign strategy
     * against buy-and-hold): far below the −√(2 ln ln n) bound, each is left uncentred in the
     * consistent and lower nulls, so its resamples fall below 0 and T* = 0 almost always. Counting
     * T* > T = 0 then gave p ≈ 0 — "a strategy beats buy-and-hold" for strategies that all lost.
     */
    @Test
    void allModelsWorse_neverRejects() {
        SplittableRandom random = new SplittableRandom(5);
        for (int run = 0; run < 20; run++) {
            var r = simulate(random, 2000, new double[] {-0.3, -0.4, -0.5}, run);
            assertEquals(0.0, r.statistic(), 0);
            assertEquals(1.0, r.pConsistent(), 0);
            assertEquals(1.0, r.pLower(), 0);
        }
    }

    private static SuperiorPredictiveAbility.Result simulate(SplittableRandom random, int n, double[] mu, int seed) {
        double[] benchmark = new double[n];
        double[][] models = new double[mu.length][n];
        for (int t = 0; t < n; t++) {
            double common = ModelConfidenceSetTest.gaussian(random);
            benchmark[t] = common + ModelConfidenceSetTest.gaussian(random);
            for (int k = 0; k < mu.length; k++) {
                models[k][t] = common + ModelConfidenceSetTest.gaussian(random) - mu[k];
            }
        }
        return SuperiorPredictiveAbility.test(benchmark, models, new StationaryBootstrap(2, 300, seed));
    }

    @Test
    void badInput_isRefused() {
        var boot = new StationaryBootstrap(2, 100, 1);
        assertThrows(IllegalArgumentException.class, () -> SuperiorPredictiveAbility.test(new double[] {1, 2, 3}, new double[0][], boot));
        assertThrows(IllegalArgumentException.class,
                () -> SuperiorPredictiveAbility.test(new double[] {1, 2, 3}, new double[][] {{1, 2}}, boot));
    }
}
