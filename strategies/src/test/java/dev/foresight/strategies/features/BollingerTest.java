package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BollingerTest {

    private static FeatureMatrix compute(Bollinger b, double[] closes) {
        var view = Markets.of(closes).full();
        return b.fit(view).compute(view);
    }

    /**
     * Window 3, k 2. Bars 0..2 = 1, 2, 3: middle 2, population σ = √(2/3), bands 2 ± 2√(2/3);
     * %B of the close 3 = (1 + 2√(2/3)) / (4√(2/3)) = 0.5 + 1/(4√(2/3)) = 0.806186;
     * bandwidth = 4√(2/3) / 2 = 1.632993. Bars 2..4 = 3, 4, 6: middle 13/3, deviations −4/3, −1/3, 5/3,
     * σ² = (16 + 1 + 25)/27 = 14/9, σ = √14/3; %B = (6 − 13/3 + 2σ)/(4σ); bandwidth = 4σ/(13/3).
     */
    @Test
    void smallWindow_matchesHandComputedValues_withPopulationSd() {
        FeatureMatrix m = compute(new Bollinger(3, 2.0, ""), new double[] {1, 2, 3, 4, 6});

        assertEquals(List.of("bb_pctb", "bb_bandwidth"), m.names());
        double s = Math.sqrt(2.0 / 3);
        assertEquals(0.5 + 1 / (4 * s), m.get(2, 0), 1e-12);
        assertEquals(0.806186, m.get(2, 0), 1e-6);
        assertEquals(4 * s / 2, m.get(2, 1), 1e-12);
        assertEquals(0.5 + 1 / (4 * s), m.get(3, 0), 1e-12, "2, 3, 4 has the same shape");
        assertEquals(4 * s / 3, m.get(3, 1), 1e-12);
        double s4 = Math.sqrt(14.0) / 3;
        assertEquals((6 - 13.0 / 3 + 2 * s4) / (4 * s4), m.get(4, 0), 1e-12);
        assertEquals(4 * s4 / (13.0 / 3), m.get(4, 1), 1e-12);
        assertTrue(Double.isNaN(m.get(1, 0)) && Double.isNaN(m.get(1, 1)));
    }

    @Test
    void flatWindow_putsThePriceOnTheMiddleWithZeroWidth() {
        FeatureMatrix m = compute(new Bollinger(3, 2.0, ""), new double[] {7, 7, 7, 7});
        assertEquals(0.5, m.get(3, 0), 0);
        assertEquals(0.0, m.get(3, 1), 0);
    }

    @Test
    void atTheUpperBand_pctBIsOne() {
        // window 2 on 10, 12: middle 11, population σ = 1, so with k = 1 the upper band is 12, the close
        FeatureMatrix m = compute(new Bollinger(2, 1.0, ""), new double[] {10, 12});
        assertEquals(1.0, m.get(1, 0), 1e-12);
    }

    @Test
    void bollinger_causalAndWarmUpMatchesFirstCompleteRow() {
        var data = Bars.single(Bars.ohlcv("X", 200, 0.02, 9));
        Bollinger b = new Bollinger(20, 2.0, "");
        assertEquals(19, b.warmUp());
        Bars.assertWarmUp(b, data);
        Bars.assertCausal(b, data, 0, 18, 19, 20, 120, 199);
    }
}
