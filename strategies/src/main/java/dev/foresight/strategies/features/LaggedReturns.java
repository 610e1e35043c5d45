package dev.foresight.strategies.features;

import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Columns {@code ret_lag1..ret_lagK}: at row {@code t}, {@code ret_lagk} is the return from bar
 * {@code t-k} to bar {@code t-k+1}, so {@code ret_lag1} is the return that ended at {@code t}.
 * Prices are {@link SeriesView#price}: the adjusted close when the series has one.
 *
 * <p>It learns nothing from the training window, so it is its own fitted transform.
 *
 * @param symbol the series to read; empty = the batch's primary series. Columns of another
 *               series are prefixed with its symbol so they can sit beside the primary's.
 */
record LaggedReturns(int lags, ReturnType type, String symbol) implements FeatureSet, LastRowFeatures {

    LaggedReturns {
        if (lags < 1) {
            throw new IllegalArgumentException("returns: lags must be ≥ 1, got " + lags);
        }
        Objects.requireNonNull(type, "type");
        symbol = symbol == null ? "" : symbol.trim();
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        if (!symbol.isEmpty() && !train.symbols().contains(symbol)) {
            throw new IllegalArgumentException("returns: the batch has no series named '" + symbol + "'; it has "
                    + train.symbols());
        }
        return this;
    }

    @Override
    public List<String> columns() {
        String prefix = symbol.isEmpty() ? "" : symbol + "_";
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= lags; k++) {
            names.add(prefix + "ret_lag" + k);
        }
        return List.copyOf(names);
    }

    /** ret_lagK at row t needs the price of bar t-K, which exists from row K on. */
    @Override
    public int warmUp() {
        return lags;
    }

    @Override
    public FeatureMatrix compute(MarketView view) {
        SeriesView series = symbol.isEmpty() ? view.primary() : view.series(symbol);
        double[] prices = series.prices();
        int n = prices.length;
        double[] returns = new double[n];
        returns[0] = Double.NaN;
        for (int t = 1; t < n; t++) {
            returns[t] = type.between(prices[t - 1], prices[t]);
        }
        double[][] columns = new double[lags][n];
        for (int k = 1; k <= lags; k++) {
            double[] column = columns[k - 1];
            Arrays.fill(column, Double.NaN);
            // ret_lagk(t) = returns[t-k+1], defined once t-k+1 ≥ 1
            for (int t = k; t < n; t++) {
                column[t] = returns[t - k + 1];
            }
        }
        return FeatureMatrix.of(columns(), columns, n);
    }

    /** The last bar's row: its {@code lags} latest returns, read from the view one by one. */
    @Override
    public double[] lastRow(MarketView view) {
        SeriesView series = symbol.isEmpty() ? view.primary() : view.series(symbol);
        int t = view.last();
        double[] row = new double[lags];
        for (int k = 1; k <= lags; k++) {
            int s = t - k + 1;   // ret_lagk(t) is the return that ended at bar s, defined once s ≥ 1
            row[k - 1] = s >= 1 ? type.between(series.price(s - 1), series.price(s)) : Double.NaN;
        }
        return row;
    }
}
