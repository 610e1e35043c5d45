package dev.foresight.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated daily price series, stored by column. Dates strictly increase, prices are
 * finite and positive; optional columns (open, high, low, adjusted close, volume) are either
 * complete or absent. Immutable: arrays are copied in and never handed out.
 *
 * <p>Returns use the adjusted close when the series has one ({@link #price(int)}), so dividends
 * and splits do not show up as price moves.
 */
public final class PriceSeries {

    private final String symbol;
    private final LocalDate[] dates;
    private final Map<Column, double[]> columns;
    private final RegimeTruth trueRegimes;

    private PriceSeries(String symbol, LocalDate[] dates, Map<Column, double[]> columns, RegimeTruth trueRegimes) {
        this.symbol = symbol;
        this.dates = dates;
        this.columns = columns;
        this.trueRegimes = trueRegimes;
    }

    /**
     * Builds a series after checking the invariants every producer must already guarantee
     * (loaders report the user-facing, located version of the same rules).
     */
    public static PriceSeries of(String symbol, LocalDate[] dates, Map<Column, double[]> columns, RegimeTruth trueRegimes) {
        Objects.requireNonNull(symbol, "symbol");
        if (dates.length == 0) {
            throw new IllegalArgumentException(symbol + ": a price series needs at least one bar");
        }
        if (!columns.containsKey(Column.CLOSE)) {
            throw new IllegalArgumentException(symbol + ": a price series needs a close column");
        }
        for (int t = 1; t < dates.length; t++) {
            if (!dates[t].isAfter(dates[t - 1])) {
                throw new IllegalArgumentException(symbol + ": dates must strictly increase, but bar " + t + " is "
                        + dates[t] + " after " + dates[t - 1]);
            }
        }
        EnumMap<Column, double[]> copy = new EnumMap<>(Column.class);
        for (Map.Entry<Column, double[]> e : columns.entrySet()) {
            double[] values = e.getValue();
            if (values.length != dates.length) {
                throw new IllegalArgumentException(symbol + ": column " + e.getKey().yamlName() + " has "
                        + values.length + " values for " + dates.length + " dates");
            }
            for (int t = 0; t < values.length; t++) {
                double v = values[t];
                boolean ok = e.getKey() == Column.VOLUME ? Double.isFinite(v) && v >= 0 : Double.isFinite(v) && v > 0;
                if (!ok) {
                    throw new IllegalArgumentException(symbol + ": " + e.getKey().yamlName() + " at " + dates[t]
                            + " is " + v);
                }
            }
            copy.put(e.getKey(), values.clone());
        }
        if (trueRegimes != null && trueRegimes.states().length != dates.length) {
            throw new IllegalArgumentException(symbol + ": true regimes cover " + trueRegimes.states().length
                    + " bars, the series has " + dates.length);
        }
        return new PriceSeries(symbol, dates.clone(), copy, trueRegimes);
    }

    public String symbol() {
        return symbol;
    }

    public int size() {
        return dates.length;
    }

    public boolean has(Column column) {
        return columns.containsKey(column);
    }

    public LocalDate date(int t) {
        return dates[t];
    }

    public LocalDate[] dates() {
        return dates.clone();
    }

    /** A copy of one column; throws when the series does not have it. */
    public double[] column(Column column) {
        return require(column).clone();
    }

    public double value(Column column, int t) {
        return require(column)[t];
    }

    /** The price returns are computed from: adjusted close when present, else close. */
    public double price(int t) {
        double[] adj = columns.get(Column.ADJ_CLOSE);
        return adj != null ? adj[t] : columns.get(Column.CLOSE)[t];
    }

    /** A copy of the price column used for returns (adjusted close when present). */
    public double[] prices() {
        return (has(Column.ADJ_CLOSE) ? columns.get(Column.ADJ_CLOSE) : columns.get(Column.CLOSE)).clone();
    }

    /** Bars {@code 0..last} of the price column, copied once (for point-in-time views). */
    double[] pricesUpTo(int last) {
        double[] adj = columns.get(Column.ADJ_CLOSE);
        return Arrays.copyOf(adj != null ? adj : columns.get(Column.CLOSE), last + 1);
    }

    /** Bars {@code 0..last} of one column, copied once (for point-in-time views). */
    double[] columnUpTo(Column column, int last) {
        return Arrays.copyOf(require(column), last + 1);
    }

    public Optional<RegimeTruth> trueRegimes() {
        return Optional.ofNullable(trueRegimes);
    }

    /** The bars {@code from..to} (inclusive) as a new series. */
    public PriceSeries slice(int from, int to) {
        if (from < 0 || to >= dates.length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + dates.length + " bars");
        }
        EnumMap<Column, double[]> cut = new EnumMap<>(Column.class);
        columns.forEach((c, v) -> cut.put(c, Arrays.copyOfRange(v, from, to + 1)));
        RegimeTruth regimes = trueRegimes == null ? null
                : new RegimeTruth(trueRegimes.names(), Arrays.copyOfRange(trueRegimes.states(), from, to + 1));
        return new PriceSeries(symbol, Arrays.copyOfRange(dates, from, to + 1), cut, regimes);
    }

    /** Keeps the bars whose index is set in {@code keep}, in order. */
    public PriceSeries select(int[] keep) {
        LocalDate[] d = new LocalDate[keep.length];
        for (int i = 0; i < keep.length; i++) {
            d[i] = dates[keep[i]];
        }
        EnumMap<Column, double[]> picked = new EnumMap<>(Column.class);
        columns.forEach((c, v) -> {
            double[] out = new double[keep.length];
            for (int i = 0; i < keep.length; i++) {
                out[i] = v[keep[i]];
            }
            picked.put(c, out);
        });
        RegimeTruth regimes = null;
        if (trueRegimes != null) {
            int[] all = trueRegimes.states();
            int[] out = new int[keep.length];
            for (int i = 0; i < keep.length; i++) {
                out[i] = all[keep[i]];
            }
            regimes = new RegimeTruth(trueRegimes.names(), out);
        }
        return of(symbol, d, picked, regimes);
    }

    private double[] require(Column column) {
        double[] values = columns.get(column);
        if (values == null) {
            throw new IllegalArgumentException("series " + symbol + " has no " + column.yamlName() + " column");
        }
        return values;
    }

    @Override
    public String toString() {
        return "PriceSeries[" + symbol + ", " + dates.length + " bars " + dates[0] + ".." + dates[dates.length - 1]
                + ", columns " + columns.keySet() + "]";
    }
}
