package dev.foresight.data;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Puts series with different calendars (an equity index, VIX with its holiday prints, a 7-day
 * crypto series) on one set of dates by inner join: only the dates every series has are kept.
 * Nothing is forward-filled — a filled bar would be an invented price — and what the join removed
 * is counted in each series' {@link DataNotes#droppedByAlignment()}.
 */
public final class DateAlignment {

    private DateAlignment() {
    }

    /**
     * The dates common to every series, in order; the first series is the primary one of the
     * result.
     *
     * @param series one or more series, primary first
     * @param notes  the loading notes of each series by symbol; alignment drops are recorded into them
     * @throws UserError located at the symbol whose dates leave nothing in common
     */
    public static MarketData align(List<PriceSeries> series, Map<String, DataNotes> notes) {
        return align(series, notes, Location::of);
    }

    /**
     * {@link #align(List, Map)} with errors located where the caller read each series: a batch
     * file's {@code data.inputs[i]} line rather than the bare symbol.
     *
     * @param where the location of each series by symbol
     * @throws UserError at {@code where} of the series whose dates leave nothing in common
     */
    public static MarketData align(List<PriceSeries> series, Map<String, DataNotes> notes,
                                   Function<String, Location> where) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("alignment needs at least one series");
        }
        for (PriceSeries s : series) {
            if (!notes.containsKey(s.symbol())) {
                throw new IllegalArgumentException("no data notes for " + s.symbol());
            }
        }
        Set<LocalDate> common = new HashSet<>(List.of(series.get(0).dates()));
        for (PriceSeries s : series.subList(1, series.size())) {
            common.retainAll(List.of(s.dates()));
            if (common.isEmpty()) {
                throw new UserError(where.apply(s.symbol()), "no dates in common with " + symbolsBefore(series, s)
                        + ": " + s.symbol() + " covers " + range(s) + ", " + series.get(0).symbol() + " covers "
                        + range(series.get(0)));
            }
        }
        List<PriceSeries> aligned = new ArrayList<>(series.size());
        Map<String, DataNotes> alignedNotes = new LinkedHashMap<>();
        for (PriceSeries s : series) {
            int[] keep = new int[common.size()];
            int n = 0;
            for (int t = 0; t < s.size(); t++) {
                if (common.contains(s.date(t))) {
                    keep[n++] = t;
                }
            }
            aligned.add(n == s.size() ? s : s.select(keep));
            alignedNotes.put(s.symbol(), notes.get(s.symbol()).withAlignmentDrops(s.size() - n));
        }
        return MarketData.aligned(aligned, alignedNotes);
    }

    private static String symbolsBefore(List<PriceSeries> series, PriceSeries s) {
        List<String> before = new ArrayList<>();
        for (PriceSeries p : series) {
            if (p == s) {
                break;
            }
            before.add(p.symbol());
        }
        return String.join(", ", before);
    }

    private static String range(PriceSeries s) {
        return s.date(0) + ".." + s.date(s.size() - 1) + " (" + s.size() + " bars)";
    }
}
