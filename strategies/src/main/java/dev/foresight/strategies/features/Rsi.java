package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.util.List;

/**
 * Wilder's Relative Strength Index, column {@code rsi_N}, in [0, 100].
 *
 * <p>With price changes {@code d(t) = p(t) − p(t−1)}, gains {@code max(d, 0)} and losses
 * {@code max(−d, 0)}: the first average gain/loss (at bar {@code N}) is the simple mean of the
 * first {@code N} gains/losses (bars 1..N); after that Wilder's smoothing
 * {@code avg(t) = (avg(t−1)·(N−1) + x(t)) / N}. {@code RSI = 100 − 100 / (1 + avgGain/avgLoss)},
 * computed as {@code 100·avgGain / (avgGain + avgLoss)}: 100 when there are no losses, 50 when
 * the price has not moved at all over the smoothing (no gains and no losses). Prices are
 * {@link dev.foresight.data.SeriesView#price}: the adjusted close when present. The recursion
 * starts at bar 0 of the view, so (as with every Wilder RSI) early values depend slightly on where
 * the data begins; a view cut at {@code t} still gives identical rows up to {@code t}.
 */
record Rsi(int period, InputSeries input) implements FeatureSet, LastRowFeatures {

    static final String KIND = "rsi";

    Rsi {
        if (period < 2) {
            throw new IllegalArgumentException(KIND + ": period must be ≥ 2, got " + period);
        }
    }

    Rsi(int period, String symbol) {
        this(period, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.check(train);
        return this;
    }

    @Override
    public List<String> columns() {
        return List.of(input.column("rsi_" + period));
    }

    /** The first RSI needs {@code N} changes, i.e. bars 0..N. */
    @Override
    public int warmUp() {
        return period;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        double[] p = input.of(view).prices();
        return FeatureMatrix.of(columns(), new double[][] {rsi(p, period)}, p.length);
    }

    static double[] rsi(double[] p, int n) {
        double[] out = Indicators.nan(p.length);
        rsi(p, n, out);
        return out;
    }

    /**
     * The last bar's RSI. Wilder's smoothing has no window to start from (every earlier change
     * stays in the average), so this is still a pass over the history, but one that neither fills
     * nor stores a column.
     */
    @Override
    public double[] lastRow(MarketView view) {
        return new double[] {rsi(input.of(view).prices(), period, null)};
    }

    /** Writes bar {@code t}'s RSI to {@code out[t]} unless {@code out} is null; returns the last bar's (NaN: none). */
    private static double rsi(double[] p, int n, double[] out) {
        if (p.length <= n) {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int t = 1; t <= n; t++) {
            double d = p[t] - p[t - 1];
            gain += Math.max(d, 0);
            loss += Math.max(-d, 0);
        }
        gain /= n;
        loss /= n;
        if (out != null) {
            out[n] = index(gain, loss);
        }
        for (int t = n + 1; t < p.length; t++) {
            double d = p[t] - p[t - 1];
            gain = (gain * (n - 1) + Math.max(d, 0)) / n;
            loss = (loss * (n - 1) + Math.max(-d, 0)) / n;
            if (out != null) {
                out[t] = index(gain, loss);
            }
        }
        return index(gain, loss);
    }

    private static double index(double gain, double loss) {
        double total = gain + loss;
        return total == 0 ? 50.0 : 100.0 * gain / total;
    }
}
