package dev.foresight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QlikeTest {

    /*
     * By hand: proxy vol 0.02, forecast 0.01 → ratio 4, loss 4 − ln 4 − 1 = 1.613706;
     * proxy 0.01, forecast 0.02 → ratio 0.25, loss 0.25 + ln 4 − 1 = 0.636294 (under-prediction costs
     * more); perfect forecast → 0; the bar with a zero forecast is left out. Mean over 3 = 0.75.
     */
    @Test
    void matchesHandComputation_andPenalisesUnderPredictionMore() {
        Qlike q = Qlike.of(new double[] {0.02, 0.01, 0.015, 0.01}, new double[] {0.01, 0.02, 0.015, 0});
        assertEquals(3, q.n());
        assertEquals((4 - Math.log(4) - 1 + 0.25 + Math.log(4) - 1 + 0) / 3, q.value(), 1e-15);
        assertEquals(0.75, q.value(), 1e-15);
        assertTrue(Double.isNaN(Qlike.of(new double[] {0.01}, new double[] {0}).value()));
    }
}
