package dev.foresight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VolatilityMetricsTest {

    /**
     * Labels RV = (0.01, 0.02), forecasts σ̂ = (0.02, 0.02): proxies 1e-4, 4e-4; ĥ = 4e-4, 4e-4.
     * MSE = ((1e-4 − 4e-4)² + 0)/2 = 4.5e-8.
     * QLIKE = ((0.25 − ln 0.25 − 1) + (1 − 0 − 1))/2 = (−0.75 + 1.3862944)/2 = 0.3181472.
     */
    @Test
    void varianceMseAndQlike_matchAHandComputation() {
        VolatilityMetrics m = VolatilityMetrics.of(new double[] {0.01, 0.02}, new double[] {0.02, 0.02});
        assertEquals(2, m.n());
        assertEquals(4.5e-8, m.varianceMse(), 1e-20);
        assertEquals((0.25 - Math.log(0.25) - 1) / 2, m.qlike(), 1e-15);
        assertEquals(0.31814718055994530, m.qlike(), 1e-12);
        assertEquals(0, m.qlikeUndefined());
    }

    @Test
    void perfectForecasts_scoreZero() {
        VolatilityMetrics m = VolatilityMetrics.of(new double[] {0.01, 0.03}, new double[] {0.01, 0.03});
        assertEquals(0, m.varianceMse(), 0);
        assertEquals(0, m.qlike(), 1e-15);
    }

    /** QLIKE punishes under-prediction more than over-prediction by the same factor: its known asymmetry. */
    @Test
    void qlike_penalisesUnderPredictionMore() {
        double under = VolatilityMetrics.of(new double[] {0.02}, new double[] {0.01}).qlike();
        double over = VolatilityMetrics.of(new double[] {0.01}, new double[] {0.02}).qlike();
        assertEquals(4 - Math.log(4) - 1, under, 1e-12);
        assertTrue(under > over);
    }

    @Test
    void zeroProxyOrForecast_leavesThatBarOutOfQlikeAndIsCounted() {
        VolatilityMetrics m = VolatilityMetrics.of(new double[] {0.0, 0.01}, new double[] {0.01, 0.01});
        assertEquals(0.0, m.qlike(), 1e-15, "only the second, perfect bar counts");
        assertEquals(1, m.qlikeUndefined());
        assertEquals((1e-8) / 2, m.varianceMse(), 1e-22);
        assertTrue(Double.isNaN(VolatilityMetrics.of(new double[] {0.01}, new double[] {0}).qlike()));
    }

    @Test
    void qlike_matchesAHandComputationOverTheDefinedBars() {
        // bars: ratio 4, ratio 1/4, ratio 1, and a zero forecast (left out)
        VolatilityMetrics m = VolatilityMetrics.of(new double[] {0.02, 0.01, 0.015, 0.01}, new double[] {0.01, 0.02, 0.015, 0});
        assertEquals((4 - Math.log(4) - 1 + 0.25 + Math.log(4) - 1 + 0) / 3, m.qlike(), 1e-15);
        assertEquals(0.75, m.qlike(), 1e-15);
        assertEquals(1, m.qlikeUndefined());
    }

    @Test
    void mismatchedOrInvalidInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> VolatilityMetrics.of(new double[] {0.01}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> VolatilityMetrics.of(new double[] {-0.01}, new double[] {0.01}));
        assertThrows(IllegalArgumentException.class, () -> VolatilityMetrics.of(new double[] {0.01}, new double[] {Double.NaN}));
    }
}
