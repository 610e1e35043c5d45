package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Realised volatility over several windows: column {@code rv_W} is the sample standard deviation
 * (divide by {@code W−1}) of the last {@code W} one-bar log returns, {@code log(p(s)/p(s−1))} for
 * {@code s = t−W+1..t}. Per bar, not annualised (multiply by √252 for an annual figure), so it is
 * in the same units as the {@code realised-vol} target and a GARCH σ.
 */
record RealizedVolatility(List<Integer> windows, InputSeries input) implements FeatureSet, LastRowFeatures {

    static final String KIND = "realized-vol";

    RealizedVolatility {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(KIND + ": windows must not be empty");
        }
        for (int w : windows) {
            if (w < 2) {
                throw new IllegalArgumentException(KIND + ": each window needs ≥ 2 returns, got " + w);
            }
        }
        if (windows.stream().distinct().count() != windows.size()) {
            throw new IllegalArgumentException(KIND + ": windows repeat: " + windows);
        }
    }

    RealizedVolatility(List<Integer> windows, String symbol) {
        this(windows, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.check(train);
        return this;
    }

    @Override
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (int w : windows) {
            names.add(input.column("rv_" + w));
        }
        return List.copyOf(names);
    }

    /** {@code W} returns need bars {@code t−W..t}: the first is at bar {@code W}. */
    @Override
    public int warmUp() {
        return windows.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        double[] r = Indicators.logReturns(input.of(view).prices());
        double[][] columns = new double[windows.size()][];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = Indicators.rollingSd(r, windows.get(i), true);
        }
        return FeatureMatrix.of(columns(), columns, r.length);
    }

    /**
     * The last bar's row from its windows alone: each column from the last bar its carried window
     * re-summed at (see {@link Indicators#rollingSdAt}), so O(window) per column instead of a pass
     * over the whole history — the truncation check asks for it at every test bar.
     */
    @Override
    public double[] lastRow(MarketView view) {
        SeriesView series = input.of(view);
        int t = view.last();
        // where the whole pass's returns start: the first finite one (bar 0 has none), as firstFinite finds it
        int start = Indicators.firstFinite(series::logReturn, 1, t + 1);
        double[] row = new double[windows.size()];
        for (int i = 0; i < row.length; i++) {
            int w = windows.get(i);
            int first = start + w - 1;
            if (t < first) {
                row[i] = Double.NaN;
                continue;
            }
            int base = Indicators.resumedAt(t, first, w) - w + 1;
            double[] r = new double[t - base + 1];
            for (int s = base; s <= t; s++) {
                r[s - base] = series.logReturn(s);
            }
            row[i] = Indicators.rollingSdAt(r, base, w, true, first);
        }
        return row;
    }
}
