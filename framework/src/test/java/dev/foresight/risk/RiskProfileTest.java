package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class RiskProfileTest {

    private static final ReturnDistribution NORMAL = new ReturnDistribution.Normal();

    @Test
    void aRegimesProfile_usesOnlyItsBars() {
        double[] net = {0.01, -0.05, 0.02, -0.01, 0.03, -0.02};
        boolean[] calm = {true, false, true, true, false, true};
        RiskProfile p = RiskProfile.of(net, null, calm);
        assertEquals(4, p.n());
        // calm returns 0.01, 0.02, −0.01, −0.02: type-7 position 3 × 0.05 = 0.15 ⇒ q = −0.02 + 0.15 × 0.01
        assertEquals(0.0185, p.historical95().orElseThrow().valueAtRisk(), 1e-15);
        assertEquals(0.02, p.historical95().orElseThrow().expectedShortfall(), 1e-15);
        assertTrue(p.backtest99().isEmpty());
    }

    @Test
    void aModelWithVarianceForecasts_isBacktestedAtBothLevels_andAnUntradedOneHasNoHistoricalVar() {
        int n = 6;
        VarPath var = new VarPath(new int[] {0, 1, 2, 3, 4, 5}, new double[] {-0.03, 0.0, -0.02, 0.01, 0.0, 0.0},
                new double[n], new double[] {1e-4, 1e-4, 1e-4, 1e-4, Double.NaN, Double.NaN}, Collections.nCopies(n, NORMAL));
        boolean[] all = {true, true, true, true, true, true};
        RiskProfile p = RiskProfile.of(null, var, all);
        assertTrue(p.historical95().isEmpty());
        assertEquals(4, p.backtest95().orElseThrow().n());
        assertEquals(2, p.backtest95().orElseThrow().failures());
        assertEquals(1, p.backtest99().orElseThrow().failures());
        // a regime holding only bars without a forecast has no backtest
        RiskProfile none = RiskProfile.of(null, var, new boolean[] {false, false, false, false, true, true});
        assertTrue(none.backtest99().isEmpty());
    }
}
