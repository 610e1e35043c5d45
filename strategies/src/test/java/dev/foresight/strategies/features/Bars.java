package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.strategies.Markets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** Test fixtures: full OHLCV series, and the causality and warm-up checks every feature set must pass. */
final class Bars {

    private Bars() {
    }

    /** A seeded random walk with consistent open, high, low, close and volume. */
    static PriceSeries ohlcv(String symbol, int n, double sigma, long seed) {
        return ohlcv(symbol, Markets.days(n), sigma, seed);
    }

    static PriceSeries ohlcv(String symbol, LocalDate[] dates, double sigma, long seed) {
        int n = dates.length;
        Random random = new Random(seed);
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double previous = 100;
        for (int t = 0; t < n; t++) {
            open[t] = previous * Math.exp(0.3 * sigma * random.nextGaussian());
            close[t] = open[t] * Math.exp(sigma * random.nextGaussian());
            high[t] = Math.max(open[t], close[t]) * (1 + sigma * random.nextDouble());
            low[t] = Math.min(open[t], close[t]) * (1 - sigma * random.nextDouble());
            volume[t] = Math.round(1e6 * Math.exp(0.5 * random.nextGaussian()));
            previous = close[t];
        }
        Map<Column, double[]> columns = new EnumMap<>(Column.class);
        columns.put(Column.OPEN, open);
        columns.put(Column.HIGH, high);
        columns.put(Column.LOW, low);
        columns.put(Column.CLOSE, close);
        columns.put(Column.VOLUME, volume);
        return PriceSeries.of(symbol, dates, columns, null);
    }

    static MarketData single(PriceSeries s) {
        return MarketData.of(s, DataNotes.clean(s.size()));
    }

    /** Row {@code r} of {@code set} computed on the view cut at {@code t} equals row r on the full view, bit for bit. */
    static void assertCausal(FeatureSet set, MarketData data, int... cuts) {
        FittedFeatures fitted = set.fit(data.upTo(data.size() / 2));
        FeatureMatrix full = fitted.compute(data.full());
        for (int t : cuts) {
            FeatureMatrix cut = fitted.compute(data.upTo(t));
            assertEquals(t + 1, cut.rows(), "rows when cut at " + t);
            assertEquals(full.names(), cut.names());
            for (int r = 0; r <= t; r++) {
                for (int c = 0; c < full.width(); c++) {
                    assertEquals(full.get(r, c), cut.get(r, c), 0,
                            full.names().get(c) + " row " + r + " cut at " + t);
                }
            }
        }
    }

    /** Rows before warmUp() are incomplete (some NaN), every later row is complete. */
    static void assertWarmUp(FeatureSet set, MarketData data) {
        FittedFeatures fitted = set.fit(data.full());
        FeatureMatrix m = fitted.compute(data.full());
        assertEquals(fitted.columns(), m.names());
        for (int t = 0; t < Math.min(fitted.warmUp(), m.rows()); t++) {
            assertFalse(m.complete(t), "row " + t + " is inside the warm-up of " + fitted.warmUp());
        }
        for (int t = fitted.warmUp(); t < m.rows(); t++) {
            assertTrue(m.complete(t), "row " + t + " is after the warm-up of " + fitted.warmUp());
        }
    }
}
