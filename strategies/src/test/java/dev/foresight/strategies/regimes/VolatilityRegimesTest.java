package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.strategies.Markets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolatilityRegimesTest {

    /** Prices from 100 whose one-bar log returns (from bar 1 on) are {@code returns}. */
    private static double[] prices(double... returns) {
        double[] p = new double[returns.length + 1];
        p[0] = 100;
        for (int t = 1; t < p.length; t++) {
            p[t] = p[t - 1] * Math.exp(returns[t - 1]);
        }
        return p;
    }

    /** Alternating ±a returns for {@code n} bars. */
    private static double[] zigzag(double a, int n) {
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = t % 2 == 0 ? a : -a;
        }
        return r;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void thresholds_areHandComputedType7QuantilesOfTrainingVolatility() {
        // window 2: vol(t) = |r(t) - r(t-1)| / √2, so returns 0, .01, .03, .06, .10 give vols .01, .02, .03, .04 over √2
        MarketData data = Markets.of(prices(0, 0.01, 0.03, 0.06, 0.10));

        FittedVolatilityRegimes fitted = (FittedVolatilityRegimes) new VolatilityRegimes(2, 0.33, 0.67).fit(data.full());

        // type 7 on 4 values: q = 0.33 sits at position 0.99, q = 0.67 at position 2.01
        assertEquals((0.01 + 0.99 * 0.01) / Math.sqrt(2), fitted.lowThreshold(), 1e-12);
        assertEquals((0.03 + 0.01 * 0.01) / Math.sqrt(2), fitted.highThreshold(), 1e-12);
    }

    @Test
    void thresholds_dependOnTheTrainingViewOnly() {
        double[] calm = Markets.randomWalk(300, 0.01, 3);
        double[] changedLater = calm.clone();
        double[] wild = Markets.randomWalk(100, 0.05, 4);
        for (int t = 200; t < 300; t++) {
            changedLater[t] = calm[199] * wild[t - 200] / 100;
        }
        VolatilityRegimes detector = new VolatilityRegimes(21, 0.33, 0.67);

        FittedVolatilityRegimes original = (FittedVolatilityRegimes) detector.fit(Markets.of(calm).upTo(199));
        FittedVolatilityRegimes perturbed = (FittedVolatilityRegimes) detector.fit(Markets.of(changedLater).upTo(199));
        FittedVolatilityRegimes longer = (FittedVolatilityRegimes) detector.fit(Markets.of(changedLater).upTo(299));

        assertEquals(original, perturbed, "bars after the training window changed, thresholds must not");
        assertNotEquals(original.highThreshold(), longer.highThreshold(), "the wild bars do move them when trained on");
    }

    @Test
    void calmHalf_isLowAndWildHalfIsHigh() {
        int window = 10;
        // thresholds from a training window of ordinary 1% daily moves
        FittedVolatilityRegimes fitted = (FittedVolatilityRegimes) new VolatilityRegimes(window, 0.33, 0.67)
                .fit(Markets.of(Markets.randomWalk(500, 0.01, 5)).full());
        assertTrue(fitted.lowThreshold() > 0.005 && fitted.highThreshold() < 0.02, fitted.toString());

        // returns at bars 1..100 move ±0.1% (vol 0.1% × √(10/9)); bars 101..200 move ±5%
        double[] returns = concat(zigzag(0.001, 100), zigzag(0.05, 100));
        String[] labels = fitted.label(Markets.of(prices(returns)).full());

        assertEquals(201, labels.length);
        for (int t = 0; t < window; t++) {
            assertNull(labels[t], "warm-up bar " + t);
        }
        for (int t = window; t <= 100; t++) {
            assertEquals("low", labels[t], "calm bar " + t);
        }
        // from bar 101 a 5% return is in the window: vol ≥ 0.051/√10 > 1.6%, above a 1%-market's high threshold
        for (int t = 101; t <= 200; t++) {
            assertEquals("high", labels[t], "wild bar " + t);
        }
    }

    @Test
    void volatilityBetweenThresholds_isNormal() {
        FittedVolatilityRegimes fitted = new FittedVolatilityRegimes(2, 0.01, 0.03);
        // window 2: vol = |Δr| / √2 → 0.02/√2 ≈ 0.014 (normal), 0.01/√2 (low), 0.06/√2 (high), 0.04/√2 ≈ 0.028 (normal)
        double[] r = {0.0, 0.02, 0.03, -0.03, 0.01};
        String[] labels = fitted.label(Markets.of(prices(r)).full());

        assertArrayEquals(new String[] {null, null, "normal", "low", "high", "normal"}, labels);
        assertEquals(List.of("low", "normal", "high"), fitted.names());
    }

    @Test
    void volatilityEqualToAThreshold_isNormal() {
        double[] p = prices(0.0, 0.02, 0.05);
        double vol = TrailingVolatility.of(p, 2)[3];

        String[] labels = new FittedVolatilityRegimes(2, vol, vol).label(Markets.of(p).full());

        assertEquals("normal", labels[3]);
    }

    @Test
    void labels_onATruncatedViewEqualThePrefixOfTheFullLabels() {
        MarketData data = Markets.of(Markets.randomWalk(400, 0.015, 9));
        var fitted = new VolatilityRegimes(21, 0.33, 0.67).fit(data.upTo(199));
        String[] full = fitted.label(data.full());

        for (int t : new int[] {0, 20, 21, 22, 150, 300, 399}) {
            assertArrayEquals(Arrays.copyOf(full, t + 1), fitted.label(data.upTo(t)), "cut at " + t);
        }
    }

    @Test
    void trainingWindowShorterThanTheVolatilityWindow_failsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VolatilityRegimes(21, 0.33, 0.67).fit(Markets.of(Markets.randomWalk(30, 0.01, 1)).upTo(21)));
        assertTrue(e.getMessage().contains("needs at least 23"), e.getMessage());
    }
}
