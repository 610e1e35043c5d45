package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.LastRowFeatures;
import dev.foresight.strategies.Markets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The truncation check compares each test bar's row of the full history with {@code lastRow} of the
 * history cut at that bar, so {@code lastRow} must give {@code compute}'s row bit for bit — on every
 * bar, including where a carried window re-sums, the first bars of a window, and across returns that
 * overflow (a price jump of 400 orders of magnitude makes an infinite log return, the only way valid
 * positive prices give the carried sums a non-finite value) at the start and in the middle.
 */
class LastRowTest {

    /** 1,500 bars of a random walk, with infinite returns at bars 1, 2 and 700–701. */
    private static double[] prices() {
        double[] p = Markets.randomWalk(1_500, 0.02, 41);
        p[0] = 1e-200;
        p[1] = 1e200;
        p[2] = 1e-200;
        p[700] = 1e-200;
        p[701] = 1e200;
        return p;
    }

    private static void assertLastRowIsComputesRow(LastRowFeatures fitted, MarketData data) {
        FeatureMatrix full = fitted.compute(data.full());
        for (int t = 0; t < data.size(); t++) {
            MarketView cut = data.upTo(t);
            double[] row = fitted.lastRow(cut);
            assertEquals(full.width(), row.length);
            for (int c = 0; c < row.length; c++) {
                // bits, not values: 0.0 and −0.0 or two NaNs differ to the check only if their bits do
                assertEquals(Double.doubleToLongBits(full.get(t, c)), Double.doubleToLongBits(row[c]),
                        full.names().get(c) + " at bar " + t + ": " + full.get(t, c) + " vs " + row[c]);
            }
        }
    }

    @Test
    void realizedVolatility_lastRowIsComputesRowBitForBit() {
        for (double[] p : new double[][] {prices(), Markets.randomWalk(1_500, 0.01, 7)}) {
            MarketData data = Markets.of(p);
            var set = new RealizedVolatility(List.of(2, 5, 21, 63), "");
            assertLastRowIsComputesRow((LastRowFeatures) set.fit(data.upTo(100)), data);
        }
    }

    @Test
    void laggedReturns_lastRowIsComputesRowBitForBit() {
        MarketData data = Markets.of(prices());
        for (ReturnType type : ReturnType.values()) {
            var set = new LaggedReturns(5, type, "");
            assertLastRowIsComputesRow((LastRowFeatures) set.fit(data.upTo(100)), data);
        }
    }

    @Test
    void rsi_lastRowIsComputesRowBitForBit() {
        MarketData data = Markets.of(prices());
        for (int period : new int[] {2, 14}) {
            var set = new Rsi(period, "");
            assertLastRowIsComputesRow((LastRowFeatures) set.fit(data.upTo(100)), data);
        }
    }

    @Test
    void windowedAndPointSets_lastRowIsComputesRowBitForBit() {
        MarketData data = Markets.of(prices());
        for (var set : List.of(new Momentum(List.of(1, 5, 21), ""), new Bollinger(2, 2.0, ""), new Bollinger(20, 2.0, ""),
                new PriceLevels(List.of(dev.foresight.data.Column.CLOSE), ""), new CalendarFeatures(true, true),
                new CalendarFeatures(false, true), new CalendarFeatures(true, false))) {
            assertLastRowIsComputesRow((LastRowFeatures) set.fit(data.upTo(100)), data);
        }
    }

    @Test
    void anotherSeries_lastRowReadsThatSeries() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("AAA", Markets.randomWalk(1_500, 0.01, 1));
        closes.put("BBB", prices());
        MarketData data = Markets.aligned(closes);
        for (String symbol : List.of("AAA", "BBB")) {
            assertLastRowIsComputesRow((LastRowFeatures) new RealizedVolatility(List.of(5, 21), symbol)
                    .fit(data.upTo(100)), data);
            assertLastRowIsComputesRow((LastRowFeatures) new LaggedReturns(3, ReturnType.LOG, symbol)
                    .fit(data.upTo(100)), data);
            assertLastRowIsComputesRow((LastRowFeatures) new Rsi(14, symbol).fit(data.upTo(100)), data);
        }
    }
}
