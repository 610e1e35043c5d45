package dev.foresight.data.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * One way of writing a date in a CSV cell. {@link #parse} returns {@code null} rather than
 * throwing, because auto-detection tries several formats on one cell and the loader turns a
 * failure into its own located error.
 */
abstract class DateFormat {

    /** The formats auto-detection tries, in order, on the first data row. */
    static final List<DateFormat> AUTO = List.of(
            new Iso(),
            pattern("MMM dd, yyyy"),
            pattern("MM/dd/yyyy"),
            pattern("yyyyMMdd"));

    private final String description;

    private DateFormat(String description) {
        this.description = description;
    }

    /** The date in {@code text}, or {@code null} when it is not a valid date in this format. */
    abstract LocalDate parse(String text);

    /** The pattern as a user would write it, for messages and data notes. */
    String description() {
        return description;
    }

    /**
     * A {@link DateTimeFormatter} pattern, parsed strictly ({@code 2021-02-30} is rejected, not
     * clamped to the 28th) and case-insensitively in English (month names like {@code Jul}).
     * ISO patterns take a hand-written fast path.
     *
     * @throws IllegalArgumentException when the pattern is invalid or does not fix a full date
     */
    static DateFormat pattern(String pattern) {
        String strict = yearOfEraToYear(pattern);
        if (strict.equals("uuuu-MM-dd")) {
            return new Iso();
        }
        DateTimeFormatter formatter;
        try {
            formatter = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(strict)
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' is not a valid java.time pattern: "
                    + e.getMessage(), e);
        }
        DateFormat format = new Formatted(pattern, formatter);
        // A pattern such as "yyyy-MM" compiles but cannot produce a day; catch that here, once,
        // instead of failing on every row.
        LocalDate probe = LocalDate.of(2001, 2, 13);
        String written;
        try {
            written = formatter.format(probe);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' cannot be used for dates: "
                    + e.getMessage(), e);
        }
        if (!probe.equals(format.parse(written))) {
            throw new IllegalArgumentException("date pattern '" + pattern
                    + "' does not describe a full date (it needs year, month and day)");
        }
        return format;
    }

    /**
     * Under STRICT resolution {@code yyyy} (year of era) needs an era field to resolve, so a
     * plain {@code yyyy-MM-dd} would reject every date; {@code uuuu} (proleptic year) is what
     * users mean.
     */
    private static String yearOfEraToYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /** {@code yyyy-MM-dd} without a formatter: the common case, parsed per row on large files. */
    private static final class Iso extends DateFormat {

        Iso() {
            super("yyyy-MM-dd");
        }

        @Override
        LocalDate parse(String s) {
            if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static int digits(String s, int from, int to) {
            int v = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }

    private static final class Formatted extends DateFormat {

        private final DateTimeFormatter formatter;

        Formatted(String description, DateTimeFormatter formatter) {
            super(description);
            this.formatter = formatter;
        }

        @Override
        LocalDate parse(String text) {
            try {
                return LocalDate.parse(text, formatter);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
