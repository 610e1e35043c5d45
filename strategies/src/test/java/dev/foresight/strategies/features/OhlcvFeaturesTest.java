package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OhlcvFeaturesTest {

    private static PriceSeries threeBars() {
        Map<Column, double[]> c = new EnumMap<>(Column.class);
        c.put(Column.OPEN, new double[] {10, 10.8, 10.9});
        c.put(Column.HIGH, new double[] {11, 11.5, 11.2});
        c.put(Column.LOW, new double[] {9, 10.2, 10.5});
        c.put(Column.CLOSE, new double[] {10.5, 11, 10.6});
        c.put(Column.VOLUME, new double[] {100, 300, 300});
        return PriceSeries.of("ABC", Markets.days(3), c, null);
    }

    @Test
    void barShape_matchesHandComputedValues() {
        var view = Bars.single(threeBars()).full();
        OhlcvFeatures set = new OhlcvFeatures(2, "");
        FeatureMatrix m = set.fit(view).compute(view);

        assertEquals(List.of("range", "gap", "body", "volume_z"), m.names());
        assertEquals(1, set.warmUp());
        for (int c = 0; c < 4; c++) {
            assertTrue(Double.isNaN(m.get(0, c)), "bar 0 is warm-up: no previous close");
        }
        assertEquals(1.3 / 11, m.get(1, 0), 1e-12);
        assertEquals(Math.log(10.8 / 10.5), m.get(1, 1), 1e-12);
        assertEquals(0.2 / 10.8, m.get(1, 2), 1e-12);
        // volumes 100, 300: mean 200, sample sd √(2·100²) = 141.42 → z = 1/√2
        assertEquals(1 / Math.sqrt(2), m.get(1, 3), 1e-12);
        assertEquals(0.7 / 10.6, m.get(2, 0), 1e-12);
        assertEquals(Math.log(10.9 / 11), m.get(2, 1), 1e-12);
        assertEquals(-0.3 / 10.9, m.get(2, 2), 1e-12);
        assertEquals(0.0, m.get(2, 3), 0, "equal volumes: z is 0, not NaN");
    }

    @Test
    void closeOnlySeries_failsAtFitNamingTheFeatureSetSeriesAndColumn() {
        var view = Markets.of(new double[] {1, 2, 3}).full();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OhlcvFeatures(20, "").fit(view));

        assertTrue(e.getMessage().startsWith("ohlcv: series 'TEST' has no 'open' column"), e.getMessage());
    }

    @Test
    void warmUpMatchesFirstCompleteRow_andRowsAreCausal() {
        var data = Bars.single(Bars.ohlcv("X", 200, 0.02, 17));
        OhlcvFeatures set = new OhlcvFeatures(20, "");
        assertEquals(19, set.warmUp());
        Bars.assertWarmUp(set, data);
        Bars.assertCausal(set, data, 0, 1, 18, 19, 20, 199);
    }
}
