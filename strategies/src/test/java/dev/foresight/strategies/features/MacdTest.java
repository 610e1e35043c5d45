package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacdTest {

    private static final double[] P = {10, 11, 12, 11, 13, 14, 13};

    private static FeatureMatrix compute(Macd macd, double[] closes) {
        var view = Markets.of(closes).full();
        return macd.fit(view).compute(view);
    }

    /**
     * By hand, fast 2 (α = 2/3), slow 3 (α = 1/2), signal 2 (α = 2/3), each EMA seeded with the mean
     * of its first n inputs:
     * EMA2 = -, 10.5, 11.5, 67/6, 223/18, 727/54, 2131/162;  EMA3 = -, -, 11, 11, 12, 13, 13;
     * line (bars 2..6) = 1/2, 1/6, 7/18, 25/54, 25/162;
     * signal: seed at bar 3 = (1/2 + 1/6)/2 = 1/3, then 1/3 + 2/3(7/18 − 1/3) = 10/27,
     * 10/27 + 2/3(25/54 − 10/27) = 35/81, 35/81 + 2/3(25/162 − 35/81) = 20/81.
     */
    @Test
    void smallPeriods_matchHandComputedValues() {
        FeatureMatrix m = compute(new Macd(2, 3, 2, false, ""), P);

        assertEquals(List.of("macd", "macd_signal", "macd_hist"), m.names());
        double[] line = {Double.NaN, Double.NaN, Double.NaN, 1.0 / 6, 7.0 / 18, 25.0 / 54, 25.0 / 162};
        double[] signal = {Double.NaN, Double.NaN, Double.NaN, 1.0 / 3, 10.0 / 27, 35.0 / 81, 20.0 / 81};
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 3; c++) {
                assertTrue(Double.isNaN(m.get(t, c)), "warm-up bar " + t + " column " + c);
            }
        }
        for (int t = 3; t < P.length; t++) {
            assertEquals(line[t], m.get(t, 0), 1e-12, "line at " + t);
            assertEquals(signal[t], m.get(t, 1), 1e-12, "signal at " + t);
            assertEquals(line[t] - signal[t], m.get(t, 2), 1e-12, "histogram at " + t);
        }
    }

    @Test
    void relative_dividesTheLineByTheSlowEma() {
        FeatureMatrix m = compute(new Macd(2, 3, 2, true, ""), P);
        // line / EMA3: bar 2: (1/2)/11, bar 3: (1/6)/11, bar 4: (7/18)/12; the signal is seeded at bar 3
        // with the mean of the first two relative line values
        double l2 = 0.5 / 11;
        double l3 = (1.0 / 6) / 11;
        double l4 = (7.0 / 18) / 12;
        double s3 = (l2 + l3) / 2;
        assertEquals(l3, m.get(3, 0), 1e-12);
        assertEquals(s3, m.get(3, 1), 1e-12);
        assertEquals(l4, m.get(4, 0), 1e-12);
        assertEquals(s3 + 2.0 / 3 * (l4 - s3), m.get(4, 1), 1e-12);
    }

    @Test
    void constantPrice_givesZeroEverywhereAfterWarmUp() {
        double[] flat = new double[60];
        Arrays.fill(flat, 50);
        FeatureMatrix m = compute(new Macd(12, 26, 9, false, ""), flat);
        assertTrue(Double.isNaN(m.get(32, 1)));
        for (int t = 33; t < 60; t++) {
            assertEquals(0.0, m.get(t, 0), 0);
            assertEquals(0.0, m.get(t, 2), 0);
        }
    }

    @Test
    void defaults_warmUpIs33Bars_andRowsAreCausal() {
        Macd macd = new Macd(12, 26, 9, false, "");
        assertEquals(33, macd.warmUp());
        var data = Bars.single(Bars.ohlcv("X", 300, 0.02, 5));
        Bars.assertWarmUp(macd, data);
        Bars.assertCausal(macd, data, 0, 25, 32, 33, 34, 150, 299);
    }

    @Test
    void slowNotLongerThanFast_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Macd(26, 26, 9, false, ""));
    }
}
