package dev.foresight.data.csv;

import dev.foresight.data.Column;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a daily price CSV file is laid out. Built once from YAML (or code) and then reused.
 *
 * <p>Header names are always compared after normalising: lower-cased, with everything except
 * letters and digits removed, so {@code Adj Close}, {@code adjclose} and {@code Adj Close**}
 * are one name. Column order in the file is free and unmapped columns (a pandas index, say) are
 * ignored.
 *
 * <p>The YAML block the experiments module maps onto this record ({@code data:}) reads:
 * <pre>
 * date_format: MMM dd, yyyy  # optional java.time pattern; default: auto-detect
 * missing: drop              # error (default) | drop
 * columns:                   # optional; default: auto (Yahoo header names)
 *   date: DATE               # optional; default: the header named date (or observation_date)
 *   close: DEXUSEU           # other keys are Column.yamlName(): open, high, low, close, adj_close, volume
 * </pre>
 *
 * @param dateColumn  header of the date column, or {@code null} for auto: the header that
 *                    normalises to {@code date} or {@code observationdate} (FRED's newer name)
 * @param columns     header name per column; empty means auto: every {@link Column} is looked up
 *                    by its normalised Yahoo name ({@code open}, {@code high}, {@code low},
 *                    {@code close}, {@code adjclose} or {@code adjustedclose}, {@code volume}) and
 *                    is absent when no header has that name. When not empty, exactly the given
 *                    columns are read and {@link Column#CLOSE} must be among them.
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern such as
 *                    {@code yyyy-MM-dd}, or {@code null} to detect the format from the first data
 *                    row among {@code yyyy-MM-dd}, {@code MMM dd, yyyy}, {@code MM/dd/yyyy},
 *                    {@code yyyyMMdd}; every row must then use that one format
 * @param missing     what to do with missing cells
 */
public record CsvLayout(String dateColumn, Map<Column, String> columns, String datePattern, MissingPolicy missing) {

    public CsvLayout {
        Objects.requireNonNull(missing, "missing policy");
        if (dateColumn != null && normalise(dateColumn).isEmpty()) {
            throw new IllegalArgumentException("date column name must contain a letter or digit, got '"
                    + dateColumn + "'");
        }
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        if (columns != null) {
            copy.putAll(columns);
        }
        Map<String, Column> seen = new HashMap<>();
        for (Map.Entry<Column, String> e : copy.entrySet()) {
            String key = e.getValue() == null ? "" : normalise(e.getValue());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("header name for " + e.getKey().yamlName()
                        + " must contain a letter or digit, got '" + e.getValue() + "'");
            }
            Column before = seen.put(key, e.getKey());
            if (before != null) {
                throw new IllegalArgumentException(before.yamlName() + " and " + e.getKey().yamlName()
                        + " cannot both read header '" + e.getValue() + "'");
            }
            if (dateColumn != null && key.equals(normalise(dateColumn))) {
                throw new IllegalArgumentException(e.getKey().yamlName() + " cannot read the date column '"
                        + dateColumn + "'");
            }
        }
        if (!copy.isEmpty() && !copy.containsKey(Column.CLOSE)) {
            throw new IllegalArgumentException("an explicit column mapping must include close; got "
                    + yamlNames(copy));
        }
        columns = Collections.unmodifiableMap(copy);
        if (datePattern != null) {
            DateFormat.pattern(datePattern); // fail here, at configuration time, not on row 1
        }
    }

    /** The Yahoo default: auto date column, auto columns, auto date format, missing cells are errors. */
    public static CsvLayout auto() {
        return new CsvLayout(null, Map.of(), null, MissingPolicy.ERROR);
    }

    /**
     * The factory the YAML reader uses; every argument but {@code missing} may be null (or empty)
     * for auto. Same meaning as the record components.
     */
    public static CsvLayout of(String dateColumn, Map<Column, String> columns, String datePattern,
                               MissingPolicy missing) {
        return new CsvLayout(dateColumn, columns, datePattern, missing);
    }

    public CsvLayout withMissing(MissingPolicy policy) {
        return new CsvLayout(dateColumn, columns, datePattern, policy);
    }

    public CsvLayout withDatePattern(String pattern) {
        return new CsvLayout(dateColumn, columns, pattern, missing);
    }

    /** True when columns are found by their Yahoo names rather than an explicit mapping. */
    public boolean autoColumns() {
        return columns.isEmpty();
    }

    /** Lower case, letters and digits only: the form header names are compared in. */
    public static String normalise(String header) {
        StringBuilder out = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static String yamlNames(Map<Column, String> columns) {
        StringBuilder out = new StringBuilder("{");
        columns.forEach((c, h) -> out.append(out.length() > 1 ? ", " : "").append(c.yamlName()).append(": ").append(h));
        return out.append('}').toString();
    }
}
