package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistoricalRiskTest {

    private static final double[] RETURNS = {0.03, -0.01, 0.002, -0.05, 0.01, -0.02, 0.015, -0.004, 0.007, -0.03,
            0.0, 0.012, -0.008, 0.02, -0.015, 0.005, -0.001, 0.009, -0.06, 0.011};

    /**
     * By hand: sorted, the two worst are −0.06 and −0.05; at 95% the type-7 position is
     * 19 × 0.05 = 0.95, so q = −0.06 + 0.95 × 0.01 = −0.0505, and only −0.06 lies at or beyond it.
     * NumPy's {@code percentile} (linear, = type 7) gives the same: 0.0505 and 0.06; at 99%, 0.0581.
     */
    @Test
    void historicalVarAndExpectedShortfall_matchAHandComputedCase() {
        HistoricalRisk r95 = HistoricalRisk.of(RETURNS, 0.95);
        assertEquals(0.0505, r95.valueAtRisk(), 1e-15);
        assertEquals(0.06, r95.expectedShortfall(), 1e-15);
        assertEquals(20, r95.n());
        HistoricalRisk r99 = HistoricalRisk.of(RETURNS, 0.99);
        assertEquals(0.0581, r99.valueAtRisk(), 1e-15);
        assertEquals(0.06, r99.expectedShortfall(), 1e-15);
    }

    @Test
    void expectedShortfall_averagesEveryReturnAtOrBeyondTheQuantile() {
        // 0..99 shifted: at 90% position 99 × 0.1 = 9.9 ⇒ q = −100 + 9.9 = −90.1; tail −100..−91 (10 values) ⇒ ES 95.5.
        double[] r = new double[100];
        for (int i = 0; i < 100; i++) {
            r[i] = i - 100;
        }
        HistoricalRisk risk = HistoricalRisk.of(r, 0.90);
        assertEquals(90.1, risk.valueAtRisk(), 1e-12);
        assertEquals(95.5, risk.expectedShortfall(), 1e-12);
    }

    @Test
    void equalReturns_giveEqualVarAndShortfall() {
        HistoricalRisk risk = HistoricalRisk.of(new double[] {0.1, 0.1, 0.1}, 0.99);
        assertEquals(-0.1, risk.valueAtRisk(), 0);
        assertEquals(-0.1, risk.expectedShortfall(), 0);
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> HistoricalRisk.of(new double[0], 0.99));
        assertThrows(IllegalArgumentException.class, () -> HistoricalRisk.of(new double[] {0.1, Double.NaN}, 0.99));
        assertThrows(IllegalArgumentException.class, () -> HistoricalRisk.of(RETURNS, 1.0));
    }
}
