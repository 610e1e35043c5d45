package dev.foresight.strategies.features;

import dev.foresight.data.Column;
import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import java.util.List;

/**
 * The shape of each bar, from the raw (unadjusted) open, high, low, close and volume:
 * <ul>
 * <li>{@code range = (H − L) / C}: the bar's high-low range relative to its close;</li>
 * <li>{@code gap = log(O(t) / C(t−1))}: the overnight move;</li>
 * <li>{@code body = (C − O) / O}: the intraday move, open to close;</li>
 * <li>{@code volume_z = (V(t) − mean) / sd} over the last {@code W} volumes (bar {@code t}
 *     included, sample sd); 0 when those volumes are all equal (V equals its mean).</li>
 * </ul>
 * Raw prices are used throughout because open, high and low are not adjusted for splits; a split
 * shows up as one large gap, as it did for traders at the time.
 *
 * <p>A series without these columns (e.g. a close-only CSV) fails at fit naming the series and the
 * missing column.
 */
record OhlcvFeatures(int volumeWindow, InputSeries input) implements FeatureSet, FittedFeatures {

    static final String KIND = "ohlcv";

    OhlcvFeatures {
        if (volumeWindow < 2) {
            throw new IllegalArgumentException(KIND + ": volume_window must be ≥ 2, got " + volumeWindow);
        }
    }

    OhlcvFeatures(int volumeWindow, String symbol) {
        this(volumeWindow, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.require(train, Column.OPEN, Column.HIGH, Column.LOW, Column.CLOSE, Column.VOLUME);
        return this;
    }

    @Override
    public List<String> columns() {
        return List.of(input.column("range"), input.column("gap"), input.column("body"), input.column("volume_z"));
    }

    /** The gap needs the previous close (bar 1); the volume z-score needs {@code W} bars. */
    @Override
    public int warmUp() {
        return Math.max(1, volumeWindow - 1);
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        SeriesView s = input.of(view);
        double[] open = s.column(Column.OPEN);
        double[] high = s.column(Column.HIGH);
        double[] low = s.column(Column.LOW);
        double[] close = s.column(Column.CLOSE);
        double[] volume = s.column(Column.VOLUME);
        int n = close.length;
        double[] range = Indicators.nan(n);
        double[] gap = Indicators.nan(n);
        double[] body = Indicators.nan(n);
        for (int t = 0; t < n; t++) {
            range[t] = (high[t] - low[t]) / close[t];
            body[t] = (close[t] - open[t]) / open[t];
            if (t >= 1) {
                gap[t] = Math.log(open[t] / close[t - 1]);
            }
        }
        double[] mean = Indicators.sma(volume, volumeWindow);
        double[] sd = Indicators.rollingSd(volume, volumeWindow, true);
        double[] z = Indicators.nan(n);
        for (int t = volumeWindow - 1; t < n; t++) {
            z[t] = sd[t] == 0 ? 0.0 : (volume[t] - mean[t]) / sd[t];
        }
        // Rows are complete together: blank the per-bar columns inside the warm-up too.
        for (int t = 0; t < Math.min(n, warmUp()); t++) {
            range[t] = Double.NaN;
            body[t] = Double.NaN;
        }
        return FeatureMatrix.of(columns(), new double[][] {range, gap, body, z}, n);
    }
}
