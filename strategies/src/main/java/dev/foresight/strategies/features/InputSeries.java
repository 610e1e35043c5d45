package dev.foresight.strategies.features;

import dev.foresight.data.Column;
import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;

/**
 * Which series of the batch a feature set reads, and how its columns are named: empty = the
 * primary series (plain names), otherwise that symbol's series (names prefixed {@code SYMBOL_}) so
 * an index's or VIX's features can sit beside the primary's. Every series of a batch is aligned on
 * the same dates at load, so row {@code t} of an input series is the same day as the primary's.
 *
 * @param kind the feature set's YAML kind, named in error messages
 */
record InputSeries(String kind, String symbol) {

    InputSeries {
        symbol = symbol == null ? "" : symbol.trim();
    }

    /** Fails at fit time, before any row is computed, when the batch has no such series. */
    void check(MarketView train) {
        if (!symbol.isEmpty() && !train.symbols().contains(symbol)) {
            throw new IllegalArgumentException(kind + ": the batch has no series named '" + symbol + "'; it has "
                    + train.symbols());
        }
    }

    /**
     * Fails when the series lacks a column the feature set needs. A feature set's fit has no YAML
     * location, so this is an IllegalArgumentException: the run records it as a failed task whose
     * message names the feature set, the series and the column.
     */
    void require(MarketView train, Column... columns) {
        check(train);
        SeriesView s = of(train);
        for (Column c : columns) {
            if (!s.has(c)) {
                throw new IllegalArgumentException(kind + ": series '" + s.symbol() + "' has no '" + c.yamlName()
                        + "' column, which this feature set needs (load a file with open, high, low, close and"
                        + " volume, or map them with data.columns)");
            }
        }
    }

    SeriesView of(MarketView view) {
        return symbol.isEmpty() ? view.primary() : view.series(symbol);
    }

    String column(String name) {
        return symbol.isEmpty() ? name : symbol + "_" + name;
    }
}
