package dev.foresight.strategies.features;

import dev.foresight.data.Column;
import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.util.List;
import java.util.Objects;

/**
 * The raw levels of some of a series' columns (close by default): row {@code t} holds bar
 * {@code t}'s values, so there is no warm-up. This is the course's LSTM input — the close price,
 * which the framework then min-max scales on the training rows.
 *
 * <p>It learns nothing from the training window, so it is its own fitted transform.
 *
 * @param levels  the columns to copy, in order (names as in YAML: close, adj_close, open, ...)
 * @param symbol  the series to read; empty = the primary series, else columns are prefixed SYMBOL_
 */
record PriceLevels(List<Column> levels, String symbol) implements FeatureSet, LastRowFeatures {

    PriceLevels {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.stream().distinct().count() != levels.size()) {
            throw new IllegalArgumentException("price: columns must name at least one column, each once: " + levels);
        }
        symbol = Objects.requireNonNullElse(symbol, "").trim();
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        if (!symbol.isEmpty() && !train.symbols().contains(symbol)) {
            throw new IllegalArgumentException("price: the batch has no series named '" + symbol + "'; it has "
                    + train.symbols());
        }
        SeriesView series = series(train);
        for (Column c : levels) {
            if (!series.has(c)) {
                throw new IllegalArgumentException("price: series '" + series.symbol() + "' has no " + c.yamlName()
                        + " column");
            }
        }
        return this;
    }

    @Override
    public List<String> columns() {
        String prefix = symbol.isEmpty() ? "" : symbol + "_";
        return levels.stream().map(c -> prefix + c.yamlName()).toList();
    }

    @Override
    public int warmUp() {
        return 0;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        SeriesView series = series(view);
        double[][] out = new double[levels.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = series.column(levels.get(i));
        }
        return FeatureMatrix.of(columns(), out, series.size());
    }

    private SeriesView series(MarketView view) {
        return symbol.isEmpty() ? view.primary() : view.series(symbol);
    }

    /** The last bar's row: its own values. */
    @Override
    public double[] lastRow(MarketView view) {
        SeriesView series = series(view);
        double[] row = new double[levels.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = series.value(levels.get(i), view.last());
        }
        return row;
    }
}
