package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.data.Column;
import dev.foresight.data.MarketData;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.plugin.Parameters;
import dev.foresight.strategies.Markets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceLevelsTest {

    private final PriceProvider provider = new PriceProvider();

    @Test
    void priceLevels_defaultIsTheCloseAtEachBarWithNoWarmUp() {
        double[] close = {10, 11, 12.5, 12};
        MarketData market = Markets.of(close);
        PriceLevels set = (PriceLevels) provider.create(Parameters.defaults(provider));
        assertEquals(List.of(Column.CLOSE), set.levels());
        var fitted = set.fit(market.upTo(1));
        assertEquals(0, fitted.warmUp());
        assertEquals(List.of("close"), fitted.columns());
        FeatureMatrix m = fitted.compute(market.upTo(3));
        for (int t = 0; t < close.length; t++) {
            assertEquals(close[t], m.get(t, 0));
        }
        // causal: the rows up to bar 2 are the same whether or not bar 3 exists
        FeatureMatrix cut = fitted.compute(market.upTo(2));
        assertArrayEquals(new double[] {m.get(0, 0), m.get(1, 0), m.get(2, 0)},
                new double[] {cut.get(0, 0), cut.get(1, 0), cut.get(2, 0)});
    }

    @Test
    void unknownOrMissingColumns_areRejected() {
        assertThrows(UserError.class, () -> provider.create(Parameters.of(provider, Map.of("columns", "close,foo"))));
        assertThrows(UserError.class, () -> provider.create(Parameters.of(provider, Map.of("columns", "close, close"))));
        PriceLevels volume = (PriceLevels) provider.create(Parameters.of(provider, Map.of("columns", "close, volume")));
        assertEquals(List.of(Column.CLOSE, Column.VOLUME), volume.levels());
        // the test series has a close column only
        assertThrows(IllegalArgumentException.class, () -> volume.fit(Markets.of(new double[] {1, 2}).upTo(1)));
    }
}
