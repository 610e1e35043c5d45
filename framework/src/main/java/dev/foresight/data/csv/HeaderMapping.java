package dev.foresight.data.csv;

import dev.foresight.data.Column;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which CSV field holds the date and each {@link Column}, resolved once from the header row
 * against a {@link CsvLayout}. Field indices are 0-based here and reported 1-based.
 */
final class HeaderMapping {

    private static final List<String> AUTO_DATE_NAMES = List.of("date", "observationdate");
    private static final Map<Column, List<String>> AUTO_NAMES = new EnumMap<>(Map.of(
            Column.OPEN, List.of("open"),
            Column.HIGH, List.of("high"),
            Column.LOW, List.of("low"),
            Column.CLOSE, List.of("close"),
            Column.ADJ_CLOSE, List.of("adjclose", "adjustedclose"),
            Column.VOLUME, List.of("volume")));

    final List<String> headers;
    final int dateField;
    /** Field index per column, absent columns left out. */
    final EnumMap<Column, Integer> fields = new EnumMap<>(Column.class);
    /** Mapped columns in the order their fields appear in a row, so the first bad cell is reported first. */
    final Column[] inFieldOrder;
    /** Headers nothing reads, for the data notes. */
    final List<String> ignored = new ArrayList<>();

    private HeaderMapping(List<String> headers, int dateField, Map<Column, Integer> fields) {
        this.headers = headers;
        this.dateField = dateField;
        this.fields.putAll(fields);
        this.inFieldOrder = fields.keySet().stream().sorted((a, b) -> fields.get(a) - fields.get(b))
                .toArray(Column[]::new);
        for (int i = 0; i < headers.size(); i++) {
            if (i != dateField && !fields.containsValue(i)) {
                ignored.add(headers.get(i));
            }
        }
    }

    /**
     * The headers as an error message shows them: at most 12, each cut to 40 characters — a file
     * that is not a CSV (an environment file, a binary) is never echoed back.
     */
    static String shown(List<String> headers) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(12, headers.size()); i++) {
            out.add(dev.foresight.error.Quote.of(headers.get(i), 40));
        }
        return out + (headers.size() > 12 ? " (and " + (headers.size() - 12) + " more)" : "");
    }

    /** " (did you mean 'X'?)" for the header closest to {@code wanted}, or nothing. */
    static String hint(String wanted, List<String> headers) {
        return dev.foresight.plugin.Suggestions.closest(wanted, headers)
                .map(h -> " (did you mean '" + dev.foresight.error.Quote.of(h, 40) + "'?)").orElse("");
    }

    static HeaderMapping resolve(String source, int line, List<String> header, CsvLayout layout) {
        List<String> headers = List.copyOf(header);
        String[] normalised = headers.stream().map(CsvLayout::normalise).toArray(String[]::new);
        Location headerLine = Location.at(source, line, 0, "");

        List<String> dateNames = layout.dateColumn() == null ? AUTO_DATE_NAMES
                : List.of(CsvLayout.normalise(layout.dateColumn()));
        int dateField = find(headerLine, headers, normalised, dateNames);
        if (dateField < 0) {
            String wanted = layout.dateColumn() == null ? "date column (a header named Date)"
                    : "date column named '" + layout.dateColumn() + "'";
            throw new UserError(headerLine, "no " + wanted + " among the headers " + shown(headers)
                    + hint(layout.dateColumn() == null ? "date" : layout.dateColumn(), headers) + "; map the column that holds the dates explicitly, e.g. columns: {date: <header>}");
        }

        EnumMap<Column, Integer> fields = new EnumMap<>(Column.class);
        if (layout.autoColumns()) {
            for (Map.Entry<Column, List<String>> e : AUTO_NAMES.entrySet()) {
                int i = find(headerLine, headers, normalised, e.getValue());
                if (i >= 0 && i != dateField) {
                    fields.put(e.getKey(), i);
                }
            }
            if (!fields.containsKey(Column.CLOSE)) {
                String hint = headers.size() == 2
                        ? "; a file with a date and one value column (FRED style) needs an explicit mapping, e.g. "
                          + "columns: {close: " + headers.get(1 - dateField) + "}"
                        : "; map the columns explicitly, e.g. columns: {close: <header>}";
                throw new UserError(headerLine, "no close column among the headers " + shown(headers) + hint("close", headers)
                        + hint);
            }
        } else {
            for (Map.Entry<Column, String> e : layout.columns().entrySet()) {
                int i = find(headerLine, headers, normalised, List.of(CsvLayout.normalise(e.getValue())));
                if (i < 0) {
                    throw new UserError(headerLine.withField(e.getValue()), "no column named '" + e.getValue()
                            + "' (mapped to " + e.getKey().yamlName() + ") among the headers " + shown(headers)
                            + hint(e.getValue(), headers));
                }
                if (i == dateField) {
                    throw new UserError(headerLine.withField(e.getValue()), "'" + e.getValue()
                            + "' is the date column and cannot also be " + e.getKey().yamlName());
                }
                fields.put(e.getKey(), i);
            }
        }
        return new HeaderMapping(headers, dateField, fields);
    }

    /** The field whose normalised header is one of {@code names}, or -1; two matches are an error. */
    private static int find(Location headerLine, List<String> headers, String[] normalised, List<String> names) {
        int found = -1;
        for (int i = 0; i < normalised.length; i++) {
            if (names.contains(normalised[i])) {
                if (found >= 0) {
                    throw new UserError(Location.at(headerLine.source(), headerLine.line(), i + 1, headers.get(i)), "headers '"
                            + headers.get(found) + "' (column " + (found + 1) + ") and '" + headers.get(i)
                            + "' (column " + (i + 1) + ") mean the same thing; rename one or map columns explicitly");
                }
                found = i;
            }
        }
        return found;
    }

    String header(int field) {
        return headers.get(field);
    }
}
