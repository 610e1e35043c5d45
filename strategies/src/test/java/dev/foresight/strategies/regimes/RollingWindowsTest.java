package dev.foresight.strategies.regimes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.strategies.Markets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The trailing volatility and the trend SMA carry their window sums from bar to bar (O(n), so the
 * truncation check's relabelling of every cut history stays cheap): checked against the textbook
 * per-window definitions computed here independently, on a long series where drift would show,
 * and for the prefix property the truncation check relies on.
 */
class RollingWindowsTest {

    @Test
    void trailingVolatility_matchesTheTwoPassSampleSdOfEachWindow() {
        double[] p = Markets.randomWalk(12_000, 0.02, 17);
        for (int window : new int[] {2, 5, 21, 63}) {
            double[] vol = TrailingVolatility.of(p, window);
            for (int t = 0; t < p.length; t++) {
                if (t < window) {
                    assertTrue(Double.isNaN(vol[t]));
                    continue;
                }
                double[] r = new double[window];
                for (int k = 0; k < window; k++) {
                    int s = t - window + 1 + k;
                    r[k] = Math.log(p[s] / p[s - 1]);
                }
                double mean = Arrays.stream(r).sum() / window;
                double ss = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum();
                double variance = ss / (window - 1);
                // compared as variances: rounding is relative to the squared returns' scale (~4e-4),
                // not to a window that happens to be calm (whose sd a square root would magnify)
                assertEquals(variance, vol[t] * vol[t], 1e-12 * variance + 1e-18, "window " + window + ", bar " + t);
            }
        }
    }

    @Test
    void trailingVolatility_ofAPrefixIsThePrefixBitForBit() {
        double[] p = Markets.randomWalk(3_000, 0.015, 5);
        double[] full = TrailingVolatility.of(p, 21);
        for (int n : new int[] {21, 22, 42, 43, 1000, 2999}) {
            assertArrayEquals(Arrays.copyOf(full, n), TrailingVolatility.of(Arrays.copyOf(p, n), 21));
        }
    }

    @Test
    void trendSma_labelsMatchThePerWindowMeanAndPrefixesArePrefixes() {
        double[] p = Markets.randomWalk(12_000, 0.01, 23);
        MarketData data = Markets.of(p);
        var fitted = new TrendRegimes(TrendRegimes.Method.SMA, 200, 0.2).fit(data.upTo(300));
        String[] labels = fitted.label(data.full());
        for (int t = 0; t < p.length; t++) {
            if (t < 199) {
                assertEquals(null, labels[t]);
                continue;
            }
            double sum = 0;
            for (int s = t - 199; s <= t; s++) {
                sum += p[s];
            }
            double sma = sum / 200;
            if (Math.abs(p[t] - sma) > 1e-9 * sma) {   // away from a rounding tie the rule is unambiguous
                assertEquals(p[t] >= sma ? "bull" : "bear", labels[t], "bar " + t);
            }
        }
        for (int t : new int[] {199, 200, 399, 400, 5000, 11_999}) {
            assertArrayEquals(Arrays.copyOf(labels, t + 1), fitted.label(data.upTo(t)), "cut at " + t);
        }
    }
}
