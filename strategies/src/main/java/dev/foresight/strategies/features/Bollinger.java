package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.util.List;

/**
 * Bollinger bands, as two scale-free columns: {@code bb_pctb} (%B) and {@code bb_bandwidth}.
 *
 * <p>Over the last {@code n} prices (bar {@code t} included): {@code middle = SMA_n},
 * {@code σ} = the <em>population</em> standard deviation (divide by {@code n}, as Bollinger,
 * TA-Lib and StockCharts do), {@code upper/lower = middle ± k·σ}.
 * {@code %B = (p − lower) / (upper − lower)} (0 at the lower band, 1 at the upper; it leaves
 * [0, 1] outside the bands) and {@code bandwidth = (upper − lower) / middle}. When the window's
 * prices are all equal the bands have zero width: %B is then 0.5 (the price sits on the middle).
 */
record Bollinger(int window, double k, InputSeries input) implements FeatureSet, LastRowFeatures {

    static final String KIND = "bollinger";

    Bollinger {
        if (window < 2) {
            throw new IllegalArgumentException(KIND + ": window must be ≥ 2, got " + window);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException(KIND + ": k must be > 0, got " + k);
        }
    }

    Bollinger(int window, double k, String symbol) {
        this(window, k, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.check(train);
        return this;
    }

    @Override
    public List<String> columns() {
        return List.of(input.column("bb_pctb"), input.column("bb_bandwidth"));
    }

    @Override
    public int warmUp() {
        return window - 1;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        double[] p = input.of(view).prices();
        int n = p.length;
        double[] middle = Indicators.sma(p, window);
        double[] sd = Indicators.rollingSd(p, window, false);
        double[] pctB = Indicators.nan(n);
        double[] bandwidth = Indicators.nan(n);
        for (int t = window - 1; t < n; t++) {
            double width = 2 * k * sd[t];
            pctB[t] = width == 0 ? 0.5 : (p[t] - (middle[t] - k * sd[t])) / width;
            bandwidth[t] = width / middle[t];
        }
        return FeatureMatrix.of(columns(), new double[][] {pctB, bandwidth}, n);
    }

    /**
     * The last bar's row from its window alone: the mean of the last {@code window} prices and the
     * carried standard deviation from the last bar it was re-summed at ({@link Indicators#rollingSdAt}),
     * the same arithmetic as {@link #compute}, so the same bits in O(window).
     */
    @Override
    public double[] lastRow(MarketView view) {
        SeriesView series = input.of(view);
        int t = view.last();
        // where compute's windows start: the first finite price (a loaded series has only finite ones)
        int start = Indicators.firstFinite(series::price, 0, t + 1);
        int first = start + window - 1;
        if (t < first) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int base = Indicators.resumedAt(t, first, window) - window + 1;
        double[] p = new double[t - base + 1];
        for (int s = base; s <= t; s++) {
            p[s - base] = series.price(s);
        }
        double middle = Indicators.mean(p, t - window + 1 - base, t - base);
        double sd = Indicators.rollingSdAt(p, base, window, false, first);
        double width = 2 * k * sd;
        return new double[] {width == 0 ? 0.5 : (p[t - base] - (middle - k * sd)) / width, width / middle};
    }
}
