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
 * Time-series momentum: column {@code mom_L} is the log return over the last {@code L} bars,
 * {@code log(p(t) / p(t−L))}, on the (adjusted) price. The usual lookbacks are one, three and
 * twelve months of trading days: 21, 63, 252.
 */
record Momentum(List<Integer> lookbacks, InputSeries input) implements FeatureSet, LastRowFeatures {

    static final String KIND = "momentum";

    Momentum {
        lookbacks = List.copyOf(lookbacks);
        if (lookbacks.isEmpty()) {
            throw new IllegalArgumentException(KIND + ": lookbacks must not be empty");
        }
        for (int l : lookbacks) {
            if (l < 1) {
                throw new IllegalArgumentException(KIND + ": each lookback must be ≥ 1, got " + l);
            }
        }
        if (lookbacks.stream().distinct().count() != lookbacks.size()) {
            throw new IllegalArgumentException(KIND + ": lookbacks repeat: " + lookbacks);
        }
    }

    Momentum(List<Integer> lookbacks, String symbol) {
        this(lookbacks, new InputSeries(KIND, symbol));
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        input.check(train);
        return this;
    }

    @Override
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (int l : lookbacks) {
            names.add(input.column("mom_" + l));
        }
        return List.copyOf(names);
    }

    @Override
    public int warmUp() {
        return lookbacks.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        double[] p = input.of(view).prices();
        double[][] columns = new double[lookbacks.size()][];
        for (int i = 0; i < columns.length; i++) {
            int l = lookbacks.get(i);
            double[] c = Indicators.nan(p.length);
            for (int t = l; t < p.length; t++) {
                c[t] = Math.log(p[t] / p[t - l]);
            }
            columns[i] = c;
        }
        return FeatureMatrix.of(columns(), columns, p.length);
    }

    /** The last bar's row: one log return over each lookback, from two prices. */
    @Override
    public double[] lastRow(MarketView view) {
        SeriesView series = input.of(view);
        int t = view.last();
        double[] row = new double[lookbacks.size()];
        for (int i = 0; i < row.length; i++) {
            int l = lookbacks.get(i);
            row[i] = t >= l ? Math.log(series.price(t) / series.price(t - l)) : Double.NaN;
        }
        return row;
    }
}
