package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealizedVolatilityTest {

    /** Prices whose log returns are exactly 0.01, −0.02, 0.03, 0.0. */
    private static final double[] P = {100, 100 * Math.exp(0.01), 100 * Math.exp(-0.01), 100 * Math.exp(0.02),
            100 * Math.exp(0.02)};

    @Test
    void sampleSdOfTheLastWLogReturns_matchesHandComputedValues() {
        var view = Markets.of(P).full();
        FeatureMatrix m = new RealizedVolatility(List.of(2, 3), "").fit(view).compute(view);

        assertEquals(List.of("rv_2", "rv_3"), m.names());
        // window 2 at bar 2: returns 0.01, −0.02 → |0.03| / √2
        assertEquals(0.03 / Math.sqrt(2), m.get(2, 0), 1e-12);
        // window 2 at bar 4: 0.03, 0 → 0.03/√2
        assertEquals(0.03 / Math.sqrt(2), m.get(4, 0), 1e-12);
        // window 3 at bar 3: 0.01, −0.02, 0.03; mean 0.02/3; Σ dev² = 0.0014 − 3·(0.02/3)² = 0.0012667; /2
        double ss = 0.01 * 0.01 + 0.02 * 0.02 + 0.03 * 0.03 - 3 * Math.pow(0.02 / 3, 2);
        assertEquals(Math.sqrt(ss / 2), m.get(3, 1), 1e-12);
        assertEquals(0.0251661, m.get(3, 1), 1e-7);
        assertTrue(Double.isNaN(m.get(2, 1)), "3 returns need bars 0..3");
        assertTrue(Double.isNaN(m.get(1, 0)));
    }

    @Test
    void warmUpIsTheLongestWindow_andRowsAreCausal() {
        RealizedVolatility rv = new RealizedVolatility(List.of(5, 21, 63), "");
        assertEquals(63, rv.warmUp());
        var data = Bars.single(Bars.ohlcv("X", 300, 0.02, 11));
        Bars.assertWarmUp(rv, data);
        Bars.assertCausal(rv, data, 0, 5, 62, 63, 64, 299);
    }

    @Test
    void aWindowOfOneReturn_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RealizedVolatility(List.of(1), ""));
    }
}
