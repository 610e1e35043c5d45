package dev.foresight.strategies;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test fixtures: small market data sets built from arrays. */
public final class Markets {

    private Markets() {
    }

    public static LocalDate[] days(int n) {
        LocalDate[] dates = new LocalDate[n];
        for (int t = 0; t < n; t++) {
            dates[t] = LocalDate.of(2020, 1, 1).plusDays(t);
        }
        return dates;
    }

    /** One series with only a close column. */
    public static PriceSeries series(String symbol, double[] close) {
        Map<Column, double[]> columns = new EnumMap<>(Column.class);
        columns.put(Column.CLOSE, close);
        return PriceSeries.of(symbol, days(close.length), columns, null);
    }

    public static MarketData of(double[] close) {
        return MarketData.of(series("TEST", close), DataNotes.clean(close.length));
    }

    /** Several close-only series on the same days; the first is the primary. */
    public static MarketData aligned(Map<String, double[]> closes) {
        List<PriceSeries> series = closes.entrySet().stream().map(e -> series(e.getKey(), e.getValue())).toList();
        Map<String, DataNotes> notes = new LinkedHashMap<>();
        series.forEach(s -> notes.put(s.symbol(), DataNotes.clean(s.size())));
        return MarketData.aligned(series, notes);
    }

    /** A geometric random walk from 100 with daily log-return volatility {@code sigma}, seeded. */
    public static double[] randomWalk(int n, double sigma, long seed) {
        Random random = new Random(seed);
        double[] close = new double[n];
        close[0] = 100;
        for (int t = 1; t < n; t++) {
            close[t] = close[t - 1] * Math.exp(sigma * random.nextGaussian());
        }
        return close;
    }
}
