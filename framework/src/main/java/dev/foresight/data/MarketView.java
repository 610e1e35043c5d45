package dev.foresight.data;

import java.time.LocalDate;
import java.util.Set;

/**
 * Market data as known at the close of bar {@link #last()}: every series, bars {@code 0..last}.
 * Reading a later bar throws {@link LookAheadException}, so look-ahead through this view is
 * impossible by construction.
 */
public final class MarketView {

    private final MarketData data;
    private final int last;

    MarketView(MarketData data, int last) {
        this.data = data;
        this.last = last;
    }

    /** Index of the last visible bar. */
    public int last() {
        return last;
    }

    /** Number of visible bars, {@code last() + 1}. */
    public int size() {
        return last + 1;
    }

    public LocalDate date(int t) {
        check("date", t);
        return data.date(t);
    }

    public SeriesView primary() {
        return new SeriesView(data.primary(), last);
    }

    public SeriesView series(String symbol) {
        return new SeriesView(data.series(symbol), last);
    }

    public Set<String> symbols() {
        return data.symbols();
    }

    /** An earlier point in time; a view can only be narrowed. */
    public MarketView upTo(int t) {
        check("view", t);
        return new MarketView(data, t);
    }

    private void check(String what, int t) {
        if (t > last) {
            throw new LookAheadException(what, t, last);
        }
        if (t < 0) {
            throw new IndexOutOfBoundsException("bar " + t);
        }
    }
}
