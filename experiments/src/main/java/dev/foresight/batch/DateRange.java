package dev.foresight.batch;

import dev.foresight.data.PriceSeries;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code data.start} / {@code data.end}: the dates a batch uses of its series, both inclusive,
 * either open. Applied to every series as it is loaded, before alignment, targets, features or
 * folds see it — "SPY from 2005" without editing the CSV.
 *
 * @param location where the range is written (errors about it point there)
 */
public record DateRange(LocalDate start, LocalDate end, Location location) {

    /** No range: the whole series. */
    public static final DateRange ALL = new DateRange(null, null, Location.of("data"));

    public DateRange {
        Objects.requireNonNull(location, "location");
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public boolean all() {
        return start == null && end == null;
    }

    /** The bars of {@code series} inside the range; a located error when none is. */
    public PriceSeries apply(PriceSeries series) {
        if (all()) {
            return series;
        }
        int from = 0;
        int to = series.size() - 1;
        while (from <= to && start != null && series.date(from).isBefore(start)) {
            from++;
        }
        while (to >= from && end != null && series.date(to).isAfter(end)) {
            to--;
        }
        if (from > to) {
            throw new UserError(location, "the range " + this + " leaves no bars of " + series.symbol() + " (its data runs "
                    + series.date(0) + ".." + series.date(series.size() - 1) + ")");
        }
        return from == 0 && to == series.size() - 1 ? series : series.slice(from, to);
    }

    @Override
    public String toString() {
        return (start == null ? "" : start.toString()) + ".." + (end == null ? "" : end.toString());
    }
}
