package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Formulas of Pesaran &amp; Timmermann, "A Simple Nonparametric Test of Predictive Performance", JBES 10(4), 1992. */
class PesaranTimmermannTest {

    /*
     * By hand: 14 bars, the last two have a zero move and are not judged, so n = 12.
     * Hits 9 of 12: P = 0.75. Actual up 7/12 = 0.58333; forecast up 6/12 = 0.5.
     * P* = 0.58333·0.5 + 0.41667·0.5 = 0.5; V(P) = 0.25/12 = 0.0208333;
     * V(P*) = (2·0.58333 − 1)²·0.25/12 + 0 + 4·0.58333·0.5·0.41667·0.5/144 = 0.000578704 + 0.001687886 = 0.00226659;
     * PT = 0.25/√(0.0208333 − 0.00226659) = 1.83473; p = 1 − Φ(1.83473) = 0.033273 (scipy.stats.norm.sf).
     */
    @Test
    void smallSample_matchesHandComputation() {
        double[] a = {1, 1, -1, 1, -1, -1, 1, 1, -1, 1, 1, -1, 0, 1};
        double[] f = {1, 1, -1, -1, -1, 1, 1, 1, -1, 1, -1, -1, 1, 0};
        var r = PesaranTimmermann.test(a, f);
        assertEquals(12, r.n());
        assertEquals(0.75, r.hitRate(), 1e-15);
        assertEquals(0.5, r.independentRate(), 1e-15);
        assertEquals(1.8347298891754518, r.statistic(), 1e-12);
        assertEquals(0.03327286067185807, r.pValue(), 1e-10);
    }

    @Test
    void alwaysLong_cannotBeTested() {
        double[] a = {1, -1, 1, 1, -1};
        double[] f = {1, 1, 1, 1, 1};
        var r = PesaranTimmermann.test(a, f);
        assertTrue(Double.isNaN(r.statistic()) && Double.isNaN(r.pValue()));
    }

    /** Simulation with known truth: independent forecasts of a drifting market (60% up). */
    @Test
    void independentForecasts_rejectAboutFivePercent() {
        SplittableRandom random = new SplittableRandom(11);
        int reps = 2000;
        int reject = 0;
        for (int rep = 0; rep < reps; rep++) {
            double[] a = new double[250];
            double[] f = new double[250];
            for (int t = 0; t < a.length; t++) {
                a[t] = random.nextDouble() < 0.6 ? 1 : -1;
                f[t] = random.nextDouble() < 0.7 ? 1 : -1;
            }
            reject += PesaranTimmermann.test(a, f).pValue() < 0.05 ? 1 : 0;
        }
        double rate = (double) reject / reps;
        assertTrue(rate > 0.03 && rate < 0.07, "rejection rate " + rate);
    }
}
