package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.statistics.DieboldMariano.Loss;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-bar losses for probability and volatility forecasts, and Diebold–Mariano on them. */
class ForecastLossTest {

    /** By hand: ln 0.8 = −0.2231, ln 0.3 = −1.2040; QLIKE of σ̂ = 1 against realised 2: 4 − ln 4 − 1 = 1.6137. */
    @Test
    void losses_matchHandComputation() {
        assertEquals(0.22314355131420976, ForecastLoss.LOG.of(0.8, 1), 1e-15);
        assertEquals(1.2039728043259361, ForecastLoss.LOG.of(0.7, 0), 1e-15);
        assertEquals(-Math.log(1e-15), ForecastLoss.LOG.of(1.0, 0), 1e-12); // floored, not infinite
        assertEquals(0.09, ForecastLoss.SQUARED.of(0.7, 1), 1e-15); // Brier
        assertEquals(4 - Math.log(4) - 1, ForecastLoss.QLIKE.of(1, 2), 1e-15);
        assertEquals(0, ForecastLoss.QLIKE.of(0.02, 0.02), 0);
        // the DM error form equals the forecast/outcome form: e = p − y, loss −ln(1 − |e|)
        assertEquals(ForecastLoss.LOG.of(0.8, 1), Loss.LOG.of(0.8 - 1), 1e-15);
        assertEquals(ForecastLoss.LOG.of(0.7, 0), Loss.LOG.of(0.7), 1e-15);
    }

    @Test
    void outOfDomain_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ForecastLoss.LOG.of(0.5, 0.3));
        assertThrows(IllegalArgumentException.class, () -> ForecastLoss.LOG.of(1.2, 1));
        assertThrows(IllegalArgumentException.class, () -> ForecastLoss.QLIKE.of(0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> Loss.LOG.of(1.5));
    }

    /**
     * Why direction targets must not use absolute loss: outcomes are up with probability 0.55. A
     * calibrated forecaster says 0.55 every day; an overconfident one says 0.95. Absolute loss prefers
     * the overconfident one (it is minimised by the median, 1); Brier and log loss — proper scoring
     * rules — prefer the calibrated one, significantly, over 2,000 days.
     */
    @Test
    void absoluteLossRewardsOverconfidence_brierAndLogLossDoNot() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 2000;
        double[] calibrated = new double[n];
        double[] overconfident = new double[n];
        for (int t = 0; t < n; t++) {
            double y = random.nextDouble() < 0.55 ? 1 : 0;
            calibrated[t] = 0.55 - y;
            overconfident[t] = 0.95 - y;
        }
        var abs = DieboldMariano.test(overconfident, calibrated, 1, Loss.ABSOLUTE);
        var brier = DieboldMariano.test(overconfident, calibrated, 1, Loss.SQUARED);
        var log = DieboldMariano.test(overconfident, calibrated, 1, Loss.LOG);
        assertTrue(abs.statistic() < 0, "absolute loss favours the overconfident forecaster: " + abs);
        assertTrue(brier.statistic() > 0 && brier.pValue() < 0.01, brier.toString());
        assertTrue(log.statistic() > 0 && log.pValue() < 0.01, log.toString());
    }
}
