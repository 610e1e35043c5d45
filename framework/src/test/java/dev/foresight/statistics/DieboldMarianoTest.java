package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.statistics.DieboldMariano.Loss;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reference values: hand computation (shown for the absolute-loss case) and an independent
 * numpy/scipy implementation of Diebold &amp; Mariano (1995, JBES 13(3)) with the correction of
 * Harvey, Leybourne &amp; Newbold (1997, IJF 13(2)), eq. (9): the statistic times
 * √((n + 1 − 2h + h(h−1)/n)/n), compared with Student-t(n−1):
 * <pre>
 *   d = L(e1) − L(e2); g_k = sum((d[k:]−m)(d[:n−k]−m))/n; V = (g_0 + 2 Σ g_k)/n
 *   p = 2 * scipy.stats.t.sf(|HLN|, n − 1)
 * </pre>
 */
class DieboldMarianoTest {

    private static final double[] E1 = {0.5, -1.2, 0.3, 0.8, -0.4, 1.1, -0.9, 0.2};
    private static final double[] E2 = {0.9, -1.0, 0.7, 1.5, -0.2, 1.6, -1.3, 0.6};

    /*
     * By hand, absolute loss, h = 1: d = |e1| − |e2| = −0.4, 0.2, −0.4, −0.7, 0.2, −0.5, −0.4, −0.4;
     * mean −2.4/8 = −0.3; deviations −0.1, 0.5, −0.1, −0.4, 0.5, −0.2, −0.1, −0.1, squares sum 0.74;
     * γ0 = 0.74/8 = 0.0925; V = γ0/8 = 0.0115625; DM = −0.3/√V = −2.789943…;
     * HLN factor √((8 + 1 − 2)/8) = √(7/8); HLN = −2.609753…; p = 2 P(T7 > 2.6098) = 0.034926 (scipy).
     */
    @Test
    void absoluteLoss_oneStep_matchesHandComputation() {
        var r = DieboldMariano.test(E1, E2, 1, Loss.ABSOLUTE);
        assertEquals(-0.3, r.meanDifference(), 1e-15);
        assertEquals(0.0115625, r.longRunVariance(), 1e-15);
        assertEquals(-2.789943329851663, r.dm(), 1e-12);
        assertEquals(-2.6097530172050405, r.statistic(), 1e-12);
        assertEquals(0.034925887676584506, r.pValue(), 1e-9);
        assertFalse(r.neweyWest());
    }

    @Test
    void squaredLoss_oneAndTwoSteps_matchScipy() {
        var one = DieboldMariano.test(E1, E2, 1, Loss.SQUARED);
        assertEquals(-0.57, one.meanDifference(), 1e-14);
        assertEquals(0.052715625, one.longRunVariance(), 1e-14);
        assertEquals(-2.322251233478517, one.statistic(), 1e-11);
        assertEquals(0.053217711169773245, one.pValue(), 1e-9);

        var two = DieboldMariano.test(E1, E2, 2, Loss.SQUARED);
        assertEquals(0.0187625, two.longRunVariance(), 1e-14);
        assertEquals(-4.161304566623612, two.dm(), 1e-11);
        assertEquals(-3.371041982923516, two.statistic(), 1e-11);
        assertEquals(0.011903362782748261, two.pValue(), 1e-9);

        var twoAbs = DieboldMariano.test(E1, E2, 2, Loss.ABSOLUTE);
        assertEquals(-6.873863542433757, twoAbs.statistic(), 1e-10);
        assertEquals(0.00023683431251056777, twoAbs.pValue(), 1e-10);
    }

    /*
     * Alternating loss differential (d ≈ 1, −1, 1, …): γ1 ≈ −γ0, so γ0 + 2γ1 < 0 and the
     * plain variance is negative; the Bartlett weight 1 − 1/2 on γ1 gives V = (γ0 + γ1)/n ≥ 0.
     */
    @Test
    void negativeLongRunVariance_fallsBackToNeweyWest() {
        double[] a = {1, 0, 1, 0, 1, 0, 1, 0.1};
        double[] b = {0, 1, 0, 1, 0, 1, 0, 1};
        var r = DieboldMariano.test(a, b, 2, Loss.ABSOLUTE);
        assertTrue(r.neweyWest());
        assertEquals(0.014196777343750008, r.longRunVariance(), 1e-15);
        assertEquals(0.0849864690054568, r.statistic(), 1e-12);
        assertEquals(0.9346517595212026, r.pValue(), 1e-9);
    }

    /*
     * A third-party implementation: R's forecast::dm.test (forecast 8.20, Debian r-cran-forecast),
     * which computes the same statistic (acf covariances with divisor n, h−1 lags, the HLN factor,
     * Student-t with n−1 df) in code that shares nothing with ours. Printed with 17 digits by
     *   e1 <- c(0.5, -1.2, 0.3, 0.8, -0.4, 1.1, -0.9, 0.2); e2 <- c(0.9, -1.0, 0.7, 1.5, -0.2, 1.6, -1.3, 0.6)
     *   dm.test(e1, e2, h = 3, power = 2)        # DM -8.2675288726794669, p 7.3837795795195018e-05
     *   dm.test(e1, e2, h = 1, power = 1)        # DM -2.6097530172050405, p 0.034925887676584527
     *   dm.test(e1, e2, h = 2, power = 2)        # DM -3.3710419829235159, p 0.011903362782748258
     * R's default falls back to h = 1 (with a warning) when the variance is negative; its
     * varestimator = "bartlett" is our Newey–West fallback (weights 1 − k/h):
     *   a <- c(1, 0, 1, 0, 1, 0, 1, 0.1); b <- c(0, 1, 0, 1, 0, 1, 0, 1)
     *   dm.test(a, b, h = 2, power = 1, varestimator = "bartlett")   # DM 0.084986469005456769, p 0.9346517595212025
     */
    @Test
    void dieboldMariano_matchesRForecastDmTest() {
        var three = DieboldMariano.test(E1, E2, 3, Loss.SQUARED);
        assertEquals(-8.2675288726794669, three.statistic(), 1e-11);
        assertEquals(7.3837795795195018e-05, three.pValue(), 1e-13);
        var oneAbs = DieboldMariano.test(E1, E2, 1, Loss.ABSOLUTE);
        assertEquals(-2.6097530172050405, oneAbs.statistic(), 1e-12);
        assertEquals(0.034925887676584527, oneAbs.pValue(), 1e-12);
        var two = DieboldMariano.test(E1, E2, 2, Loss.SQUARED);
        assertEquals(-3.3710419829235159, two.statistic(), 1e-12);
        assertEquals(0.011903362782748258, two.pValue(), 1e-12);
        var bartlett = DieboldMariano.test(new double[] {1, 0, 1, 0, 1, 0, 1, 0.1}, new double[] {0, 1, 0, 1, 0, 1, 0, 1}, 2,
                Loss.ABSOLUTE);
        assertTrue(bartlett.neweyWest());
        assertEquals(0.084986469005456769, bartlett.statistic(), 1e-12);
        assertEquals(0.9346517595212025, bartlett.pValue(), 1e-12);
    }

    @Test
    void identicalForecasts_giveNaNNotAFalseSignal() {
        var r = DieboldMariano.test(E1, E1, 1, Loss.SQUARED);
        assertTrue(Double.isNaN(r.statistic()));
        assertTrue(Double.isNaN(r.pValue()));
    }

    /** Simulation with known truth: two equally accurate forecasters, 2,000 replications. */
    @Test
    void equalAccuracy_rejectsAboutFivePercentAtFivePercent() {
        SplittableRandom random = new SplittableRandom(20240601L);
        int reps = 2000;
        int rejectOne = 0;
        int rejectThree = 0;
        for (int rep = 0; rep < reps; rep++) {
            double[] a = new double[120];
            double[] b = new double[120];
            for (int t = 0; t < a.length; t++) {
                a[t] = gaussian(random);
                b[t] = gaussian(random);
            }
            rejectOne += DieboldMariano.test(a, b, 1, Loss.SQUARED).pValue() < 0.05 ? 1 : 0;
            // 3-step errors: MA(2) in the same shocks, as overlapping forecasts produce.
            double[] a3 = ma2(a);
            double[] b3 = ma2(b);
            rejectThree += DieboldMariano.test(a3, b3, 3, Loss.ABSOLUTE).pValue() < 0.05 ? 1 : 0;
        }
        double one = (double) rejectOne / reps;
        double three = (double) rejectThree / reps;
        // Binomial sd at 5% over 2,000 is 0.5%; allow ±2 points (size distortion in small samples).
        assertTrue(one > 0.03 && one < 0.07, "rejection rate h=1: " + one);
        assertTrue(three > 0.03 && three < 0.09, "rejection rate h=3: " + three);
    }

    @Test
    void clearlyBetterModel_isDetected() {
        SplittableRandom random = new SplittableRandom(3);
        double[] good = new double[250];
        double[] bad = new double[250];
        for (int t = 0; t < good.length; t++) {
            good[t] = gaussian(random);
            bad[t] = 1.5 * gaussian(random);
        }
        var r = DieboldMariano.test(good, bad, 1, Loss.SQUARED);
        assertTrue(r.statistic() < 0 && r.pValue() < 1e-3, r.toString());
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> DieboldMariano.test(E1, new double[3], 1, Loss.SQUARED));
        assertThrows(IllegalArgumentException.class, () -> DieboldMariano.test(E1, E2, 8, Loss.SQUARED));
        assertThrows(IllegalArgumentException.class, () -> DieboldMariano.test(E1, E2, 0, Loss.SQUARED));
    }

    private static double[] ma2(double[] e) {
        double[] out = new double[e.length];
        for (int t = 0; t < e.length; t++) {
            out[t] = e[t] + (t > 0 ? 0.8 * e[t - 1] : 0) + (t > 1 ? 0.5 * e[t - 2] : 0);
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
