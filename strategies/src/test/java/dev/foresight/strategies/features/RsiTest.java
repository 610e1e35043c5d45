package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsiTest {

    /**
     * Wilder's 14-day RSI worked example as published by StockCharts ChartSchool, "Relative Strength
     * Index (RSI)", spreadsheet cs-rsi.xls (https://school.stockcharts.com/doku.php?id=technical_indicators:relative_strength_index_rsi),
     * after J. Welles Wilder, New Concepts in Technical Trading Systems (1978).
     */
    private static final double[] CLOSES = {44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08,
            45.89, 46.03, 45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78,
            45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13};

    /** The published RSI column, bars 14..32. StockCharts rounds its averages to 2 decimals before dividing. */
    private static final double[] PUBLISHED = {70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38,
            54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

    /**
     * The same column from the unrounded recursion, computed independently (a few lines of Python
     * with exact decimal inputs). The first by hand: gains over bars 1..14 sum to 3.34 and losses to
     * 1.40, so RSI = 100 × 3.34 / (3.34 + 1.40) = 70.4641.
     */
    private static final double[] UNROUNDED = {70.4641, 66.2496, 66.4809, 69.3469, 66.2947, 57.9150, 62.8807, 63.2088,
            56.0116, 62.3399, 54.6710, 50.3868, 40.0194, 41.4926, 41.9024, 45.4995, 37.3228, 33.0905, 37.7888};

    private static FeatureMatrix compute(Rsi rsi, double[] closes) {
        var view = Markets.of(closes).full();
        return rsi.fit(view).compute(view);
    }

    @Test
    void wilderTextbookExample_matchesToTwoDecimals() {
        FeatureMatrix m = compute(new Rsi(14, ""), CLOSES);

        assertEquals(List.of("rsi_14"), m.names());
        assertEquals(100 * 3.34 / (3.34 + 1.40), m.get(14, 0), 1e-9, "first value by hand");
        for (int i = 0; i < UNROUNDED.length; i++) {
            assertEquals(UNROUNDED[i], m.get(14 + i, 0), 0.005, "bar " + (14 + i));
            // the published column differs only by its rounded intermediate averages
            assertEquals(PUBLISHED[i], m.get(14 + i, 0), 0.08, "bar " + (14 + i) + " vs StockCharts");
        }
        for (int t = 0; t < 14; t++) {
            assertTrue(Double.isNaN(m.get(t, 0)), "warm-up bar " + t);
        }
    }

    @Test
    void onlyGains_is100_onlyLosses_is0_noMove_is50() {
        assertEquals(100.0, compute(new Rsi(3, ""), new double[] {1, 2, 3, 4, 5, 6}).get(5, 0), 0);
        assertEquals(0.0, compute(new Rsi(3, ""), new double[] {6, 5, 4, 3, 2, 1}).get(5, 0), 0);
        assertEquals(50.0, compute(new Rsi(3, ""), new double[] {5, 5, 5, 5, 5}).get(4, 0), 0);
    }

    @Test
    void smoothing_isWildersNotASimpleWindow() {
        // period 2: first averages at bar 2 from changes +1, -1 → 0.5, 0.5 (RSI 50); bar 3 change +2:
        // gain (0.5·1 + 2)/2 = 1.25, loss (0.5·1 + 0)/2 = 0.25 → 100·1.25/1.5 = 83.33 (a 2-bar window would say 100)
        FeatureMatrix m = compute(new Rsi(2, ""), new double[] {10, 11, 10, 12});
        assertEquals(50.0, m.get(2, 0), 1e-12);
        assertEquals(100 * 1.25 / 1.5, m.get(3, 0), 1e-12);
    }

    @Test
    void rsi_causalAndWarmUpMatchesFirstCompleteRow() {
        var data = Bars.single(Bars.ohlcv("X", 300, 0.02, 3));
        Bars.assertCausal(new Rsi(14, ""), data, 0, 13, 14, 15, 100, 299);
        Bars.assertWarmUp(new Rsi(14, ""), data);
    }
}
