package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.strategies.Markets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaggedReturnsTest {

    /** Six bars: +10%, -10%, flat, +10%, back to 100. */
    private static final double[] PRICES = {100, 110, 99, 99, 108.9, 100};

    private static FeatureMatrix compute(LaggedReturns set, MarketView view) {
        return set.fit(view).compute(view);
    }

    @Test
    void logReturns_matchHandComputedGoldenValues() {
        FeatureMatrix m = compute(new LaggedReturns(3, ReturnType.LOG, ""), Markets.of(PRICES).full());

        double nan = Double.NaN;
        double up = Math.log(1.1);
        double down = Math.log(0.9);
        double back = Math.log(100 / 108.9);
        double[][] expected = {
                // ret_lag1, ret_lag2, ret_lag3 by row 0..5
                {nan, nan, nan},
                {up, nan, nan},
                {down, up, nan},
                {0.0, down, up},
                {up, 0.0, down},
                {back, up, 0.0}};
        assertEquals(List.of("ret_lag1", "ret_lag2", "ret_lag3"), m.names());
        for (int t = 0; t < expected.length; t++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[t][k], m.get(t, k), 1e-15, "row " + t + " ret_lag" + (k + 1));
            }
        }
    }

    @Test
    void simpleReturns_matchHandComputedGoldenValues() {
        FeatureMatrix m = compute(new LaggedReturns(2, ReturnType.SIMPLE, ""), Markets.of(PRICES).full());

        assertEquals(0.1, m.get(1, 0), 1e-12);
        assertEquals(-0.1, m.get(2, 0), 1e-12);
        assertEquals(0.1, m.get(2, 1), 1e-12);
        assertEquals(0.0, m.get(3, 0), 1e-12);
        assertEquals(100 / 108.9 - 1, m.get(5, 0), 1e-12);
        assertEquals(0.1, m.get(5, 1), 1e-12);
    }

    @Test
    void warmUpRows_areNaNAndLaterRowsComplete() {
        LaggedReturns set = new LaggedReturns(4, ReturnType.LOG, "");
        FeatureMatrix m = compute(set, Markets.of(Markets.randomWalk(50, 0.01, 1)).full());

        assertEquals(4, set.warmUp());
        for (int t = 0; t < set.warmUp(); t++) {
            assertFalse(m.complete(t), "row " + t);
            assertTrue(Double.isNaN(m.get(t, 3)), "ret_lag4 at row " + t);
        }
        for (int t = set.warmUp(); t < m.rows(); t++) {
            assertTrue(m.complete(t), "row " + t);
        }
    }

    @Test
    void truncatedView_givesTheSameRowsAsTheFullView() {
        LaggedReturns set = new LaggedReturns(5, ReturnType.LOG, "");
        MarketData data = Markets.of(Markets.randomWalk(300, 0.02, 7));
        FeatureMatrix full = compute(set, data.full());

        for (int t : new int[] {0, 3, 5, 6, 100, 250, 299}) {
            FeatureMatrix cut = set.compute(data.upTo(t));
            assertEquals(t + 1, cut.rows());
            for (int r = 0; r <= t; r++) {
                for (int c = 0; c < 5; c++) {
                    assertEquals(full.get(r, c), cut.get(r, c), 0, "row " + r + " column " + c + " cut at " + t);
                }
            }
        }
    }

    @Test
    void adjustedClose_isThePriceWhenPresent() {
        Map<Column, double[]> columns = new EnumMap<>(Column.class);
        columns.put(Column.CLOSE, new double[] {100, 50, 55});
        columns.put(Column.ADJ_CLOSE, new double[] {50, 50, 55});
        PriceSeries split = PriceSeries.of("SPLIT", Markets.days(3), columns, null);

        FeatureMatrix m = compute(new LaggedReturns(1, ReturnType.LOG, ""),
                MarketData.of(split, DataNotes.clean(3)).full());

        assertEquals(0.0, m.get(1, 0), 0, "a 2:1 split is no return");
        assertEquals(Math.log(1.1), m.get(2, 0), 1e-15);
    }

    @Test
    void symbol_readsThatSeriesAndPrefixesItsColumns() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("MAIN", new double[] {10, 11, 12, 13});
        closes.put("IDX", new double[] {200, 100, 100, 300});
        LaggedReturns set = new LaggedReturns(2, ReturnType.LOG, "IDX");

        FeatureMatrix m = compute(set, Markets.aligned(closes).full());

        assertEquals(List.of("IDX_ret_lag1", "IDX_ret_lag2"), m.names());
        assertEquals(Math.log(0.5), m.get(1, 0), 1e-15);
        assertEquals(0.0, m.get(2, 0), 0);
        assertEquals(Math.log(3), m.get(3, 0), 1e-15);
        assertEquals(0.0, m.get(3, 1), 0);
    }

    @Test
    void unknownSymbol_failsAtFitNamingWhatExists() {
        LaggedReturns set = new LaggedReturns(2, ReturnType.LOG, "VIX");
        MarketView view = Markets.of(PRICES).full();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.fit(view));

        assertTrue(e.getMessage().contains("'VIX'") && e.getMessage().contains("TEST"), e.getMessage());
    }

    @Test
    void fit_learnsNothing() {
        LaggedReturns set = new LaggedReturns(3, ReturnType.LOG, "");
        FittedFeatures fitted = set.fit(Markets.of(PRICES).upTo(2));
        assertEquals(set, fitted);
    }
}
