package dev.foresight.strategies.regimes;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.RegimeDetector;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kind: calendar}: {@code ranges: {covid_crash: 2020-02-20..2020-04-30, gfc: 2008-09-01..2009-03-31}}
 * (or the same as a list of strings {@code ["covid_crash: 2020-02-20..2020-04-30", ...]}).
 */
public final class CalendarRegimesProvider extends SimpleProvider<RegimeDetector> {

    private static final Pattern RANGE = Pattern.compile(
            "\\s*([a-z][a-z0-9_-]{0,39})\\s*:\\s*(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})\\s*");

    /** The default: two well-known crashes (the 2008 financial crisis, the 2020 COVID crash). */
    static final List<String> DEFAULT_RANGES = List.of("gfc: 2008-09-01..2009-03-31", "covid_crash: 2020-02-20..2020-04-30");

    public CalendarRegimesProvider() {
        super(RegimeDetector.class, "calendar",
                "Named date ranges (name: YYYY-MM-DD..YYYY-MM-DD, ends included); every other bar is 'other'",
                List.of(ParameterSpec.texts("ranges", DEFAULT_RANGES,
                        "a mapping {name: YYYY-MM-DD..YYYY-MM-DD, ...}; names are lower-case letters, digits, _ and -;"
                                + " ranges must not overlap")),
                CalendarRegimesProvider::make);
    }

    private static RegimeDetector make(Parameters p) {
        List<CalendarRegimes.Range> ranges = new ArrayList<>();
        for (String text : p.texts("ranges")) {
            Matcher m = RANGE.matcher(text);
            if (!m.matches()) {
                throw p.error("ranges", "calendar range '" + text + "' must look like 'name: YYYY-MM-DD..YYYY-MM-DD'"
                        + " (name: lower-case letters, digits, _ and -)");
            }
            if (m.group(1).equals(CalendarRegimes.OTHER)) {
                throw p.error("ranges", "'" + CalendarRegimes.OTHER + "' is the label of bars outside every range:"
                        + " name the range otherwise");
            }
            try {
                ranges.add(new CalendarRegimes.Range(m.group(1), LocalDate.parse(m.group(2)), LocalDate.parse(m.group(3))));
            } catch (DateTimeParseException e) {
                throw p.error("ranges", "calendar range '" + text + "': " + e.getParsedString() + " is not a date");
            } catch (IllegalArgumentException e) {
                throw p.error("ranges", e.getMessage());
            }
        }
        try {
            return new CalendarRegimes(ranges);
        } catch (IllegalArgumentException e) {
            throw p.error("ranges", e.getMessage());
        }
    }
}
