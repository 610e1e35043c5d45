package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.DataNotes;
import dev.foresight.data.DateAlignment;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.scaling.Scaler;
import dev.foresight.strategies.Markets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MultiAssetFeaturesTest {

    /** The stock trades every day; the index skips every 7th day, so alignment drops those. */
    private static MarketData stockAndIndex() {
        LocalDate[] all = Markets.days(420);
        List<LocalDate> indexDays = new ArrayList<>();
        for (int t = 0; t < all.length; t++) {
            if (t % 7 != 3) {
                indexDays.add(all[t]);
            }
        }
        PriceSeries stock = Bars.ohlcv("STK", all, 0.02, 21);
        PriceSeries index = Bars.ohlcv("IDX", indexDays.toArray(new LocalDate[0]), 0.01, 22);
        Map<String, DataNotes> notes = new LinkedHashMap<>();
        notes.put("STK", DataNotes.clean(stock.size()));
        notes.put("IDX", DataNotes.clean(index.size()));
        return DateAlignment.align(List.of(stock, index), notes);
    }

    private static List<FeatureSet> everySetOn(String symbol) {
        return List.of(new OhlcvFeatures(20, symbol), new Rsi(14, symbol), new Macd(12, 26, 9, false, symbol),
                new Bollinger(20, 2.0, symbol), new RealizedVolatility(List.of(5, 21), symbol),
                new Momentum(List.of(5, 21), symbol), new LaggedReturns(2, ReturnType.LOG, symbol));
    }

    @Test
    void inputSeriesFeatures_areTheInputsOwnFeaturesOnTheAlignedDates_withPrefixedNames() {
        MarketData data = stockAndIndex();
        assertEquals(420 - 60, data.size(), "60 stock days have no index print");
        MarketData indexAlone = Bars.single(data.series("IDX"));

        for (FeatureSet set : everySetOn("IDX")) {
            FeatureMatrix fromBatch = set.fit(data.full()).compute(data.full());
            FeatureSet plain = plainTwin(set);
            FeatureMatrix alone = plain.fit(indexAlone.full()).compute(indexAlone.full());
            for (int c = 0; c < alone.width(); c++) {
                assertEquals("IDX_" + alone.names().get(c), fromBatch.names().get(c));
                for (int t = 0; t < data.size(); t++) {
                    assertEquals(alone.get(t, c), fromBatch.get(t, c), 0, fromBatch.names().get(c) + " at " + t);
                }
            }
        }
    }

    @Test
    void inputSeriesFeatures_areCausal() {
        MarketData data = stockAndIndex();
        for (FeatureSet set : everySetOn("IDX")) {
            Bars.assertCausal(set, data, 0, 40, 200, data.size() - 1);
        }
    }

    @Test
    void primaryAndInputColumns_sitSideBySide_andAreScaledEachOnItsOwnTrainingRows() {
        MarketData data = stockAndIndex();
        FeatureMatrix m = new RealizedVolatility(List.of(21), "").fit(data.full()).compute(data.full())
                .concat(new RealizedVolatility(List.of(21), "IDX").fit(data.full()).compute(data.full()));
        assertEquals(List.of("rv_21", "IDX_rv_21"), m.names());
        int[] train = IntStream.range(21, 250).toArray();

        FeatureMatrix scaled = Scaler.fit(ScalingMethod.ZSCORE, m, train).apply(m);

        // the index is half as volatile; after per-column scaling both have mean 0 and sd 1 on training rows
        assertTrue(mean(m, 1, train) < 0.7 * mean(m, 0, train));
        for (int c = 0; c < 2; c++) {
            assertEquals(0.0, mean(scaled, c, train), 1e-9, m.names().get(c));
            double ss = 0;
            for (int t : train) {
                ss += scaled.get(t, c) * scaled.get(t, c);
            }
            assertEquals(1.0, Math.sqrt(ss / (train.length - 1)), 1e-9, m.names().get(c));
        }
    }

    @Test
    void unknownSymbol_failsAtFitForEverySet() {
        MarketData data = stockAndIndex();
        for (FeatureSet set : everySetOn("VIX")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.fit(data.full()));
            assertTrue(e.getMessage().contains("'VIX'") && e.getMessage().contains("IDX"), e.getMessage());
        }
    }

    private static double mean(FeatureMatrix m, int c, int[] rows) {
        double s = 0;
        for (int t : rows) {
            s += m.get(t, c);
        }
        return s / rows.length;
    }

    /** The same feature set reading the primary series, for comparing values. */
    private static FeatureSet plainTwin(FeatureSet set) {
        if (set instanceof OhlcvFeatures s) {
            return new OhlcvFeatures(s.volumeWindow(), "");
        } else if (set instanceof Rsi s) {
            return new Rsi(s.period(), "");
        } else if (set instanceof Macd s) {
            return new Macd(s.fast(), s.slow(), s.signal(), s.relative(), "");
        } else if (set instanceof Bollinger s) {
            return new Bollinger(s.window(), s.k(), "");
        } else if (set instanceof RealizedVolatility s) {
            return new RealizedVolatility(s.windows(), "");
        } else if (set instanceof Momentum s) {
            return new Momentum(s.lookbacks(), "");
        } else if (set instanceof LaggedReturns s) {
            return new LaggedReturns(s.lags(), s.type(), "");
        }
        throw new IllegalArgumentException(set.toString());
    }
}
