package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Politis &amp; Romano, "The Stationary Bootstrap", JASA 89(428), 1994. */
class StationaryBootstrapTest {

    /** Blocks have geometric length with mean L: about n/L blocks start in a resample of n bars. */
    @Test
    void blocks_haveTheRequestedMeanLength() {
        int n = 20_000;
        int[] idx = StationaryBootstrap.indices(n, 5, new SplittableRandom(1));
        int starts = 1;
        for (int i = 1; i < n; i++) {
            starts += idx[i] == (idx[i - 1] + 1) % n ? 0 : 1;
        }
        assertEquals(5.0, (double) n / starts, 0.2);
        for (int i : idx) {
            assertTrue(i >= 0 && i < n);
        }
    }

    @Test
    void sameSeed_sameInterval_otherSeed_otherInterval() {
        double[] x = series(300, 2);
        StationaryBootstrap.Statistic mean = idx -> mean(x, idx);
        var a = new StationaryBootstrap(10, 500, 42).interval(x.length, mean, 0.95);
        var b = new StationaryBootstrap(10, 500, 42).interval(x.length, mean, 0.95);
        var c = new StationaryBootstrap(10, 500, 43).interval(x.length, mean, 0.95);
        assertEquals(a, b);
        assertNotEquals(a.lower(), c.lower());
        assertEquals(mean(x, IntStream.range(0, x.length).toArray()), a.estimate(), 0);
    }

    /**
     * Simulation with known truth: 95% intervals for the mean of an AR(1) series (φ = 0.5, true
     * mean 0.1) cover the truth in roughly 95% of 200 samples with block length 10; the i.i.d.
     * bootstrap (L = 1) ignores the dependence and is too narrow (the long-run sd is twice the
     * marginal one here), so it covers markedly less often.
     */
    @Test
    void intervals_coverTheTrueMeanOfADependentSeries() {
        SplittableRandom random = new SplittableRandom(9);
        int samples = 200;
        int coveredBlock = 0;
        int coveredIid = 0;
        for (int s = 0; s < samples; s++) {
            double[] x = ar1(400, 0.5, 0.1, random);
            StationaryBootstrap.Statistic mean = idx -> mean(x, idx);
            var block = new StationaryBootstrap(10, 300, s).interval(x.length, mean, 0.95);
            var iid = new StationaryBootstrap(1, 300, s).interval(x.length, mean, 0.95);
            coveredBlock += block.lower() <= 0.1 && 0.1 <= block.upper() ? 1 : 0;
            coveredIid += iid.lower() <= 0.1 && 0.1 <= iid.upper() ? 1 : 0;
        }
        double block = (double) coveredBlock / samples;
        double iid = (double) coveredIid / samples;
        assertTrue(block >= 0.87 && block <= 0.99, "block coverage " + block);
        assertTrue(iid < block - 0.08, "iid coverage " + iid + " vs block " + block);
    }

    @Test
    void sharpe_ofResample_isMeanOverSampleSd() {
        double[] x = {0.01, -0.02, 0.03, -0.01, 0.04};
        assertEquals(0.01 / Math.sqrt(26e-4 / 4), StationaryBootstrap.sharpe(x, new int[] {0, 1, 2, 3, 4}), 1e-12);
        assertTrue(Double.isNaN(StationaryBootstrap.sharpe(x, new int[] {2, 2, 2})));
    }

    @Test
    void badSettings_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StationaryBootstrap(0.5, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> new StationaryBootstrap(5, 10, 1));
    }

    private static double[] ar1(int n, double phi, double mu, SplittableRandom random) {
        double[] x = new double[n];
        double prev = 0;
        for (int t = 0; t < n + 50; t++) {
            prev = phi * prev + DieboldMarianoTest.gaussian(random);
            if (t >= 50) {
                x[t - 50] = mu + prev;
            }
        }
        return x;
    }

    private static double[] series(int n, long seed) {
        return ar1(n, 0.3, 0, new SplittableRandom(seed));
    }

    private static double mean(double[] x, int[] idx) {
        double s = 0;
        for (int i : idx) {
            s += x[i];
        }
        return s / idx.length;
    }
}
