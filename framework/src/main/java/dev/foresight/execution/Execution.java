package dev.foresight.execution;

import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import java.util.Locale;

/** When the position decided at the close of bar t (on data up to t) is traded. */
public enum Execution {

    /**
     * At the close of t, at the price the decision was made on: the new position earns
     * close(t) → close(t+1). Optimistic: it assumes the close can be traded at after it is known.
     */
    CLOSE,

    /**
     * At the open of t+1: the previous position earns the overnight close(t) → open(t+1), the new
     * one open(t+1) → close(t+1); held, a position earns close to close from then on. On data with
     * an adjusted close the open is adjusted by the same factor, open × adj_close ÷ close.
     */
    NEXT_OPEN;

    /** The YAML name: {@code close} or {@code next-open}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The execution named {@code name} in YAML, or an exception listing the choices. */
    public static Execution parse(String name) {
        for (Execution e : values()) {
            if (e.yamlName().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown execution '" + name + "': close or next-open");
    }

    /** Whether {@code series} has what this execution needs (an open price for {@code next-open}). */
    public boolean supports(PriceSeries series) {
        return this == CLOSE || series.has(Column.OPEN);
    }

    /**
     * Bar t's legs (t + 1 must exist): on the price returns are computed from (the adjusted close
     * when the series has one).
     */
    public Legs legs(PriceSeries series, int t) {
        double close = series.price(t);
        double next = series.price(t + 1);
        if (this == CLOSE) {
            return new Legs(0, next / close - 1);
        }
        if (!series.has(Column.OPEN)) {
            throw new IllegalArgumentException("execution next-open needs an open price; " + series.symbol()
                    + " has none");
        }
        double open = series.value(Column.OPEN, t + 1);
        if (series.has(Column.ADJ_CLOSE)) {
            open *= series.value(Column.ADJ_CLOSE, t + 1) / series.value(Column.CLOSE, t + 1);
        }
        return new Legs(open / close - 1, next / open - 1);
    }
}
