package dev.foresight.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One or more price series on the same dates. The first series is the primary one: targets,
 * backtests and regime labels refer to it; the others are inputs (an index, VIX, ...).
 * Immutable; {@link #upTo(int)} gives the point-in-time view plugins work with.
 */
public final class MarketData {

    private final List<PriceSeries> series;
    private final Map<String, PriceSeries> bySymbol;
    private final Map<String, DataNotes> notes;

    private MarketData(List<PriceSeries> series, Map<String, DataNotes> notes) {
        this.series = List.copyOf(series);
        this.bySymbol = new LinkedHashMap<>();
        for (PriceSeries s : series) {
            if (bySymbol.put(s.symbol(), s) != null) {
                throw new IllegalArgumentException("two series are named " + s.symbol());
            }
        }
        this.notes = Map.copyOf(notes);
    }

    public static MarketData of(PriceSeries single, DataNotes notes) {
        return new MarketData(List.of(single), Map.of(single.symbol(), notes));
    }

    /**
     * Series that already share identical dates. Use {@link DateAlignment} to get there from
     * series with different calendars.
     */
    public static MarketData aligned(List<PriceSeries> series, Map<String, DataNotes> notes) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("market data needs at least one series");
        }
        LocalDate[] dates = series.get(0).dates();
        for (PriceSeries s : series.subList(1, series.size())) {
            if (!Arrays.equals(dates, s.dates())) {
                throw new IllegalArgumentException("series " + s.symbol() + " is not aligned with "
                        + series.get(0).symbol());
            }
        }
        for (PriceSeries s : series) {
            if (!notes.containsKey(s.symbol())) {
                throw new IllegalArgumentException("no data notes for " + s.symbol());
            }
        }
        return new MarketData(series, notes);
    }

    public PriceSeries primary() {
        return series.get(0);
    }

    public PriceSeries series(String symbol) {
        PriceSeries s = bySymbol.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("no series named " + symbol + "; have " + bySymbol.keySet());
        }
        return s;
    }

    public List<PriceSeries> all() {
        return series;
    }

    public Set<String> symbols() {
        return bySymbol.keySet();
    }

    public DataNotes notes(String symbol) {
        return notes.get(symbol);
    }

    public Map<String, DataNotes> notes() {
        return notes;
    }

    public int size() {
        return primary().size();
    }

    public LocalDate date(int t) {
        return primary().date(t);
    }

    /** Bars {@code 0..t} only; reading past {@code t} throws {@link LookAheadException}. */
    public MarketView upTo(int t) {
        if (t < 0 || t >= size()) {
            throw new IndexOutOfBoundsException("bar " + t + " of " + size());
        }
        return new MarketView(this, t);
    }

    /** Every bar: for the engine, which decides what a plugin may see. */
    public MarketView full() {
        return upTo(size() - 1);
    }

    /** The same data with every series replaced by {@code f(series)}; used by leakage checks. */
    public MarketData map(UnaryOperator<PriceSeries> f) {
        List<PriceSeries> out = new ArrayList<>();
        for (PriceSeries s : series) {
            out.add(f.apply(s));
        }
        return aligned(out, notes);
    }
}
