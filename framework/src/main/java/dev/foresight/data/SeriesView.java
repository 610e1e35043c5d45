package dev.foresight.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One series as known at the close of bar {@link #last()}; later bars throw. */
public final class SeriesView {

    private final PriceSeries series;
    private final int last;

    SeriesView(PriceSeries series, int last) {
        this.series = series;
        this.last = last;
    }

    public String symbol() {
        return series.symbol();
    }

    public int last() {
        return last;
    }

    public int size() {
        return last + 1;
    }

    public boolean has(Column column) {
        return series.has(column);
    }

    public LocalDate date(int t) {
        check("date", t);
        return series.date(t);
    }

    public double value(Column column, int t) {
        check(column.yamlName(), t);
        return series.value(column, t);
    }

    public double close(int t) {
        return value(Column.CLOSE, t);
    }

    /** Adjusted close when present, else close. */
    public double price(int t) {
        check("price", t);
        return series.price(t);
    }

    /** {@code log(price(t) / price(t-1))}; NaN at bar 0. */
    public double logReturn(int t) {
        check("return", t);
        return t == 0 ? Double.NaN : Math.log(series.price(t) / series.price(t - 1));
    }

    /** Visible prices, bars {@code 0..last}. */
    public double[] prices() {
        return series.pricesUpTo(last);
    }

    /** Visible values of one column, bars {@code 0..last}. */
    public double[] column(Column column) {
        return series.columnUpTo(column, last);
    }

    /**
     * The simulator's true regime at bar {@code t}, for synthetic series that keep it; empty for
     * market data. This is for <em>evaluation only</em> (the {@code truth} regime detector, which
     * splits the report's metrics by the hidden state): it is the generator's hidden state, which no
     * real market reveals, so a model or feature set must never read it. Reading past
     * {@link #last()} throws like every other accessor.
     */
    public Optional<String> trueRegime(int t) {
        check("true regime", t);
        return series.trueRegimes().map(truth -> truth.label(t));
    }

    /** The names of the true regimes in the simulator's order; empty when the series has none. */
    public List<String> trueRegimeNames() {
        return series.trueRegimes().map(RegimeTruth::names).orElse(List.of());
    }

    private void check(String what, int t) {
        if (t > last) {
            throw new LookAheadException(series.symbol() + " " + what, t, last);
        }
        if (t < 0) {
            throw new IndexOutOfBoundsException("bar " + t);
        }
    }
}
