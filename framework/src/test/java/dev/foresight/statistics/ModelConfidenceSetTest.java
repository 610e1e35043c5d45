package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.statistics.ModelConfidenceSet.Statistic;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hansen, Lunde &amp; Nason, "The Model Confidence Set", Econometrica 79(2), 2011. */
class ModelConfidenceSetTest {

    /**
     * Simulation with known truth: 10 models, of which 3 (indices 0, 1, 2) have the same, smallest
     * expected loss; losses share a common shock (as real models' losses do). The 90% MCS must contain
     * all three in at least 90% of 500 simulations, with both statistics — and eliminate the clearly
     * worse models most of the time (power), else an MCS that kept everything would pass.
     */
    @Test
    void threeEquallyBestModels_areAllInThe90PercentSet_inAtLeast90PercentOfSimulations() {
        for (Statistic statistic : Statistic.values()) {
            SplittableRandom random = new SplittableRandom(2011);
            int sims = 500;
            int covered = 0;
            int worstExcluded = 0;
            for (int s = 0; s < sims; s++) {
                double[][] losses = simulate(random, 250, new double[] {0, 0, 0, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6});
                var mcs = ModelConfidenceSet.compute(losses, statistic, new StationaryBootstrap(2, 300, s));
                covered += mcs.contains(0, 0.9) && mcs.contains(1, 0.9) && mcs.contains(2, 0.9) ? 1 : 0;
                worstExcluded += mcs.contains(9, 0.9) ? 0 : 1;
            }
            assertTrue(covered >= 450, statistic + ": all three best in the 90% MCS in " + covered + " of " + sims);
            assertTrue(worstExcluded >= 450, statistic + ": the worst model was excluded only " + worstExcluded + " times");
        }
    }

    /** Losses μ_i + c_t + ε_{i,t}: a common N(0, 1) shock and an own N(0, 1) shock per model. */
    static double[][] simulate(SplittableRandom random, int n, double[] mu) {
        double[][] losses = new double[mu.length][n];
        for (int t = 0; t < n; t++) {
            double common = gaussian(random);
            for (int i = 0; i < mu.length; i++) {
                losses[i][t] = mu[i] + common + gaussian(random);
            }
        }
        return losses;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A model worse by the same amount on every bar is eliminated first with p = 0; identical models stay together. */
    @Test
    void constantDifferences_areCertain_andIdenticalModelsAreNotSeparated() {
        SplittableRandom random = new SplittableRandom(5);
        double[] base = new double[100];
        for (int t = 0; t < base.length; t++) {
            base[t] = random.nextDouble();
        }
        double[] worse = base.clone();
        for (int t = 0; t < worse.length; t++) {
            worse[t] += 0.01;
        }
        for (Statistic statistic : Statistic.values()) {
            var r = ModelConfidenceSet.compute(new double[][] {base, worse, base.clone()}, statistic, new StationaryBootstrap(3, 200, 1));
            assertEquals(1, r.steps().get(0).eliminated(), statistic.toString());
            assertEquals(0.0, r.pValues()[1], statistic.toString());
            assertEquals(1.0, r.pValues()[0], statistic.toString());
            assertEquals(1.0, r.pValues()[2], statistic.toString());
            assertArrayEquals(new int[] {0, 2}, r.members(0.9));
        }
    }

    /** MCS p-values are the running maximum of the step p-values, the last model's is 1, and the seed fixes everything. */
    @Test
    void pValues_areRunningMaximaOfStepPValues_andDeterministic() {
        double[][] losses = simulate(new SplittableRandom(3), 200, new double[] {0, 0.05, 0.1, 0.2, 0.1});
        for (Statistic statistic : Statistic.values()) {
            var a = ModelConfidenceSet.compute(losses, statistic, new StationaryBootstrap(5, 400, 9));
            assertEquals(a, ModelConfidenceSet.compute(losses, statistic, new StationaryBootstrap(5, 400, 9)));
            double running = 0;
            for (var step : a.steps()) {
                running = Math.max(running, step.pValue());
                assertEquals(running, a.pValues()[step.eliminated()], 0);
            }
            assertEquals(4, a.steps().size());
            long ones = Arrays.stream(a.pValues()).filter(p -> p == 1).count();
            assertTrue(ones >= 1);
        }
    }

    @Test
    void badInput_isRefusedWithTheReason() {
        var boot = new StationaryBootstrap(2, 100, 1);
        assertThrows(IllegalArgumentException.class, () -> ModelConfidenceSet.compute(new double[][] {{1, 2, 3}}, Statistic.MAX, boot));
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> ModelConfidenceSet.compute(new double[][] {{1, 2, 3}, {1, 2}}, Statistic.MAX, boot));
        assertTrue(ragged.getMessage().contains("model 1"));
        var nan = assertThrows(IllegalArgumentException.class,
                () -> ModelConfidenceSet.compute(new double[][] {{1, 2, 3}, {1, Double.NaN, 2}}, Statistic.RANGE, boot));
        assertTrue(nan.getMessage().contains("bar 1"));
    }

    /**
     * Against an independent implementation on the same resamples: the {@code MCS} class of the Python
     * package arch (K. Sheppard, bashtage/arch, {@code arch/bootstrap/multiple_comparison.py}, commit
     * 543f44cf), run unmodified on losses and stationary-bootstrap indices drawn from the 64-bit LCG
     * below (reproduced exactly in both languages): 6 models, 120 bars, 500 resamples, mean block 5.
     * arch printed these elimination orders and MCS p-values (its "R" and "max" methods).
     */
    @Test
    void modelConfidenceSet_matchesArchOnTheSameResamples() {
        double[][] losses = lcgLosses(6, 120, 42);
        int[][] resamples = lcgResamples(120, 500, 5, 7);
        var boot = new StationaryBootstrap(5, 500, 7);
        var range = ModelConfidenceSet.compute(losses, Statistic.RANGE, resamples, boot);
        assertArrayEquals(new int[] {4, 5, 2, 3, 1}, range.steps().stream().mapToInt(ModelConfidenceSet.Step::eliminated).toArray());
        assertArrayEquals(new double[] {1.0, 0.828, 0.288, 0.828, 0.01, 0.052}, range.pValues(), 1e-12);
        var max = ModelConfidenceSet.compute(losses, Statistic.MAX, resamples, boot);
        assertArrayEquals(new int[] {5, 4, 2, 3, 1}, max.steps().stream().mapToInt(ModelConfidenceSet.Step::eliminated).toArray());
        assertArrayEquals(new double[] {1.0, 0.902, 0.182, 0.902, 0.104, 0.104}, max.pValues(), 1e-12);
    }

    /** Knuth's MMIX LCG; uniforms from the top 53 bits, integers below n from the top 31. */
    private static final class Lcg {
        private long s;

        Lcg(long seed) {
            s = seed;
        }

        long next() {
            s = s * 6364136223846793005L + 1442695040888963407L;
            return s;
        }

        double uniform() {
            return (next() >>> 11) * 0x1.0p-53;
        }

        int below(int n) {
            return (int) ((next() >>> 33) % n);
        }
    }

    /** L[i][t] = (u_t,i − 0.5 + c_t + 0.02 i)², c_t and u uniform from the LCG in that order. */
    static double[][] lcgLosses(int k, int n, long seed) {
        Lcg g = new Lcg(seed);
        double[][] l = new double[k][n];
        for (int t = 0; t < n; t++) {
            double common = g.uniform();
            for (int i = 0; i < k; i++) {
                double e = g.uniform() - 0.5 + common + 0.02 * i;
                l[i][t] = e * e;
            }
        }
        return l;
    }

    /** Stationary-bootstrap indices from the LCG: a uniform start, then a new start with probability 1/block. */
    static int[][] lcgResamples(int n, int reps, double block, long seed) {
        Lcg g = new Lcg(seed);
        int[][] out = new int[reps][n];
        for (int b = 0; b < reps; b++) {
            int cur = g.below(n);
            out[b][0] = cur;
            for (int t = 1; t < n; t++) {
                cur = g.uniform() < 1.0 / block ? g.below(n) : (cur + 1) % n;
                out[b][t] = cur;
            }
        }
        return out;
    }
}
