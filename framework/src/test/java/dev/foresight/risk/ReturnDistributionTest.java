package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Quantiles pinned against SciPy ({@code norm.ppf}, {@code t.ppf(p, ν)·√((ν−2)/ν)}). */
class ReturnDistributionTest {

    @Test
    void normalVar_isMinusMeanMinusSigmaTimesTheQuantile() {
        ReturnDistribution normal = new ReturnDistribution.Normal();
        assertEquals(-2.3263478740408408, normal.quantile(0.01), 1e-9);
        assertEquals(0.02 * 2.3263478740408408 - 0.001, normal.valueAtRisk(0.001, 0.0004, 0.99), 1e-11);
        assertEquals(0.01 * 1.6448536269514729, normal.valueAtRisk(0, 0.0001, 0.95), 1e-11);
    }

    @Test
    void unitVarianceStudentT_hasFatterTailsAtTheSameVariance() {
        ReturnDistribution t5 = new ReturnDistribution.StandardisedT(5);
        assertEquals(-2.6064635693842795, t5.quantile(0.01), 1e-8);
        assertEquals(0.01 * 2.6064635693842795, t5.valueAtRisk(0, 0.0001, 0.99), 1e-10);
        assertEquals("t(5.0)", t5.name());
    }

    @Test
    void badParameters_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReturnDistribution.StandardisedT(2));
        assertThrows(IllegalArgumentException.class, () -> new ReturnDistribution.Normal().valueAtRisk(0, -1, 0.99));
        assertThrows(IllegalArgumentException.class, () -> new ReturnDistribution.Normal().valueAtRisk(0, 1, 0));
    }
}
