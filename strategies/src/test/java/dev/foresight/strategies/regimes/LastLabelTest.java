package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.regime.LastLabelDetector;
import dev.foresight.strategies.Markets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The truncation check compares each test bar's label over the full history with
 * {@code lastLabel} of the history cut at that bar, so {@code lastLabel} must give {@code label}'s
 * label on every bar — where the carried windows re-sum, in the warm-up, and across infinite log
 * returns (price jumps of 400 orders of magnitude) that force the volatility's window to re-sum.
 */
class LastLabelTest {

    private static double[] prices() {
        double[] p = Markets.randomWalk(2_000, 0.015, 29);
        p[900] = 1e-200;
        p[901] = 1e200;
        return p;
    }

    private static void assertLastLabelIsLabel(LastLabelDetector fitted, MarketData data) {
        String[] full = fitted.label(data.full());
        int labelled = 0;
        for (int t = 0; t < data.size(); t++) {
            assertEquals(full[t], fitted.lastLabel(data.upTo(t)), "bar " + t);
            labelled += full[t] == null ? 0 : 1;
        }
        assertTrue(labelled > data.size() / 2, "labelled " + labelled);
    }

    @Test
    void volatility_lastLabelIsLabel() {
        MarketData data = Markets.of(prices());
        for (int window : new int[] {2, 5, 21, 63}) {
            var fitted = new VolatilityRegimes(window, 0.25, 0.75).fit(data.upTo(800));
            assertLastLabelIsLabel((LastLabelDetector) fitted, data);
        }
    }

    @Test
    void trailingVolatility_lastIsOfsLastBitForBit() {
        MarketData data = Markets.of(prices());
        double[] p = data.full().primary().prices();
        for (int window : new int[] {2, 21}) {
            double[] all = TrailingVolatility.of(p, window);
            for (int t = 0; t < p.length; t++) {
                double last = TrailingVolatility.last(data.upTo(t).primary(), window);
                assertEquals(Double.doubleToLongBits(all[t]), Double.doubleToLongBits(last), "bar " + t);
            }
        }
        assertTrue(Double.isInfinite(Math.log(p[901] / p[900])) && Objects.nonNull(p));
    }

    @Test
    void trend_lastLabelIsLabel() {
        MarketData data = Markets.of(prices());
        for (TrendRegimes.Method method : TrendRegimes.Method.values()) {
            for (int window : new int[] {2, 50, 200}) {
                var fitted = new TrendRegimes(method, window, 0.2).fit(data.upTo(300));
                assertLastLabelIsLabel((LastLabelDetector) fitted, data);
            }
        }
    }
}
