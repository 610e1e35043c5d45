package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Indicators#rollingSd} carries its window's mean and squared deviations from bar to bar
 * (O(n), so the truncation check's recomputation on every cut history stays cheap): checked
 * against the two-pass definition computed here per window, across a gap of NaNs, and for the
 * prefix property the truncation check relies on.
 */
class RollingSdTest {

    private static double[] series(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        x[0] = Double.NaN;   // a warm-up, as log returns have
        for (int t = 1; t < n; t++) {
            x[t] = 0.01 * (random.nextDouble() - 0.5) + 0.0003;
        }
        return x;
    }

    private static double twoPass(double[] x, int t, int n, boolean sample) {
        double mean = 0;
        for (int s = t - n + 1; s <= t; s++) {
            mean += x[s];
        }
        mean /= n;
        double ss = 0;
        for (int s = t - n + 1; s <= t; s++) {
            ss += (x[s] - mean) * (x[s] - mean);
        }
        return ss / (sample ? n - 1 : n);
    }

    @Test
    void rollingSd_matchesTheTwoPassDefinitionOfEachWindow() {
        double[] x = series(12_000, 3);
        x[5000] = Double.NaN;   // a gap: NaN while it is in the window, defined again once it leaves
        x[5001] = Double.NaN;
        for (int n : new int[] {2, 5, 21, 63}) {
            for (boolean sample : new boolean[] {true, false}) {
                double[] sd = Indicators.rollingSd(x, n, sample);
                for (int t = 0; t < x.length; t++) {
                    boolean defined = t >= n && !(t >= 5000 && t - n + 1 <= 5001);
                    if (!defined) {
                        assertTrue(Double.isNaN(sd[t]), "n " + n + ", bar " + t + ": " + sd[t]);
                        continue;
                    }
                    double variance = twoPass(x, t, n, sample);
                    // as variances: rounding is relative to the squared values (~2.5e-5), not to a calm window's sd
                    assertEquals(variance, sd[t] * sd[t], 1e-12 * variance + 1e-18, "n " + n + ", bar " + t);
                }
            }
        }
    }

    @Test
    void rollingSd_ofAPrefixIsThePrefixBitForBit() {
        double[] x = series(3_000, 8);
        x[1000] = Double.NaN;
        double[] full = Indicators.rollingSd(x, 21, true);
        for (int n : new int[] {21, 22, 42, 43, 1001, 1030, 2999}) {
            assertArrayEquals(Arrays.copyOf(full, n), Indicators.rollingSd(Arrays.copyOf(x, n), 21, true), "cut at " + n);
        }
    }
}
