package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.RegimeDetector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Named calendar ranges (e.g. {@code covid_crash: 2020-02-20..2020-04-30}, both ends included);
 * every other bar is {@code other}. A bar's label depends on its own date only. Ranges do not
 * overlap (checked when the YAML is read).
 */
record CalendarRegimes(List<Range> ranges) implements RegimeDetector {

    static final String OTHER = "other";

    /** One named range of dates, ends included. */
    record Range(String name, LocalDate from, LocalDate to) {
        Range {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("calendar range " + name + " ends (" + to + ") before it starts (" + from + ")");
            }
        }

        boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    CalendarRegimes {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("calendar: at least one range");
        }
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                Range a = ranges.get(i);
                Range b = ranges.get(j);
                if (a.name.equals(b.name)) {
                    throw new IllegalArgumentException("calendar range name '" + a.name + "' is used twice");
                }
                if (!a.to.isBefore(b.from) && !b.to.isBefore(a.from)) {
                    throw new IllegalArgumentException("calendar ranges " + a.name + " and " + b.name + " overlap");
                }
            }
        }
    }

    @Override
    public FittedRegimeDetector fit(MarketView train) {
        return new Fitted(ranges);
    }

    private record Fitted(List<Range> ranges) implements FittedRegimeDetector {

        @Override
        public List<String> names() {
            List<String> out = new ArrayList<>(ranges.stream().map(Range::name).toList());
            out.add(OTHER);
            return out;
        }

        @Override
        public String[] label(MarketView view) {
            String[] out = new String[view.size()];
            for (int t = 0; t < out.length; t++) {
                LocalDate d = view.date(t);
                out[t] = OTHER;
                for (Range r : ranges) {
                    if (r.contains(d)) {
                        out[t] = r.name;
                        break;
                    }
                }
            }
            return out;
        }
    }
}
