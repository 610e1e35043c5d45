package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentumTest {

    @Test
    void logReturnOverTheLookback_matchesHandComputedValues() {
        var view = Markets.of(new double[] {100, 110, 121, 100}).full();
        FeatureMatrix m = new Momentum(List.of(1, 2), "").fit(view).compute(view);

        assertEquals(List.of("mom_1", "mom_2"), m.names());
        assertEquals(Math.log(1.1), m.get(1, 0), 1e-15);
        assertEquals(Math.log(1.21), m.get(2, 1), 1e-15);
        assertEquals(Math.log(100.0 / 110), m.get(3, 1), 1e-15);
        assertTrue(Double.isNaN(m.get(1, 1)));
    }

    @Test
    void warmUpIsTheLongestLookback_andRowsAreCausal() {
        Momentum mom = new Momentum(List.of(21, 63, 252), "");
        assertEquals(252, mom.warmUp());
        var data = Bars.single(Bars.ohlcv("X", 400, 0.02, 13));
        Bars.assertWarmUp(mom, data);
        Bars.assertCausal(mom, data, 0, 251, 252, 253, 399);
    }
}
