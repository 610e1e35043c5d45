package dev.foresight.data.csv;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.PriceSeries;
import dev.foresight.error.Location;
import dev.foresight.error.Quote;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a daily OHLCV CSV file into a validated {@link PriceSeries}.
 *
 * <p>Every rule is checked while loading, and a broken rule is a {@link UserError} located at
 * {@code file:line:column (header)} — line is the physical line (header = line 1), column the
 * 1-based CSV field — whose message quotes the offending cell:
 * <ul>
 *   <li>a cell that is not a date (in the one format used for the whole file) or not a number;
 *   <li>a missing cell ({@code null}, {@code .}, empty, {@code -}, {@code NaN}) under
 *       {@link MissingPolicy#ERROR}; under {@link MissingPolicy#DROP} the row is dropped and
 *       counted instead (any mapped column, volume included; a missing date is always an error);
 *   <li>a price that is not positive, a negative volume;
 *   <li>high below low, high below max(open, close), low above min(open, close);
 *   <li>a row with a different number of fields than the header;
 *   <li>a duplicate date, or dates out of order. A file that is entirely newest-first is
 *       reversed and {@link DataNotes#sortedFromNewestFirst()} set; any other disorder names
 *       both lines.
 * </ul>
 * Nothing is ever filled in or defaulted. Empty lines are skipped (they hold no cell to fill).
 */
public final class CsvLoader {

    /**
     * Smallest and largest price accepted. Real instruments quote far inside this range (the smallest
     * crypto tokens near 1e-8); beyond it, log returns of subnormal numbers and squared prices lose
     * all precision or overflow, and a model would fail late, far from the cell that caused it.
     */
    public static final double MIN_PRICE = 1e-10;
    public static final double MAX_PRICE = 1e15;


    private static final Column[] ALL = Column.values();

    private CsvLoader() {
    }

    /** Reads {@code file} (UTF-8, a byte order mark is tolerated); errors are located at {@code file} as given. */
    public static LoadedSeries load(Path file, String symbol, CsvLayout layout) {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new UserError(Location.of(source), "file not found (looked at " + file.toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(Location.at(source, 0, 0, "whole file"), "not a regular file (a directory, device or"
                    + " pipe): give the path of a CSV file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(Location.at(source, 0, 0, "whole file"), "cannot read the file: "
                    + Quote.of(String.valueOf(e.getMessage())), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(Location.at(source, 0, 0, "whole file"), "the file is not UTF-8 text ("
                    + Quote.of(e.getMessage()) + "): is this a CSV file?", e);
        }
        return parse(source, text, symbol, layout);
    }

    /** Parses CSV {@code text}; {@code source} names it in errors (a file name, usually). */
    public static LoadedSeries parse(String source, String text, String symbol, CsvLayout layout) {
        Objects.requireNonNull(layout, "layout");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a series needs a symbol");
        }
        binary(source, text);
        return new Load(source, symbol, layout).run(new CsvRecords(source, text));
    }

    /**
     * Refuses text with control characters (other than tab, CR and LF) at their line and column,
     * quoting nothing: such a file is not a CSV (a binary, or an environment file such as
     * /proc/self/environ, whose NUL-separated variables must never be echoed into an error).
     */
    private static void binary(String source, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new UserError(Location.at(source, line, column, ""), String.format("control character U+%04X:"
                        + " this is not a CSV text file (nothing of it is shown)", (int) c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    /** The state of one load; a fresh one per file so the loader itself holds nothing. */
    private static final class Load {

        private final String source;
        private final String symbol;
        private final CsvLayout layout;

        private HeaderMapping header;
        private DateFormat dateFormat;
        private boolean dateFormatDetected;
        private int dateFormatLine;

        private int size;
        private LocalDate[] dates = new LocalDate[1024];
        private int[] lines = new int[1024];
        private final double[][] values = new double[ALL.length][];
        private int rowsRead;
        private int dropped;
        private int firstDroppedLine;

        Load(String source, String symbol, CsvLayout layout) {
            this.source = source;
            this.symbol = symbol;
            this.layout = layout;
        }

        LoadedSeries run(CsvRecords records) {
            while (records.next()) {
                if (records.blank()) {
                    continue;
                }
                if (header == null) {
                    header = HeaderMapping.resolve(source, records.line(), records.fields(), layout);
                    header.fields.keySet().forEach(c -> values[c.ordinal()] = new double[dates.length]);
                } else {
                    rowsRead++;
                    row(records.line(), records.fields());
                }
            }
            if (header == null) {
                throw new UserError(Location.of(source), "the file is empty; expected a header row such as "
                        + "Date,Open,High,Low,Close,Adj Close,Volume");
            }
            if (size == 0) {
                throw new UserError(Location.of(source), rowsRead == 0 ? "no data rows after the header"
                        : "all " + rowsRead + " data rows have a missing value and were dropped (missing: drop)");
            }
            checkDuplicates();
            boolean reversed = checkOrder();
            return build(reversed);
        }

        private void row(int line, List<String> fields) {
            if (fields.size() != header.headers.size()) {
                throw new UserError(Location.at(source, line, 0, ""), "the row has " + fields.size()
                        + " fields but the header has " + header.headers.size());
            }
            LocalDate date = date(line, fields.get(header.dateField).strip());

            String[] raw = new String[ALL.length];
            double[] v = new double[ALL.length];
            int missingField = -1;
            for (Column c : header.inFieldOrder) {
                int field = header.fields.get(c);
                String cell = fields.get(field).strip();
                raw[c.ordinal()] = cell;
                if (Cells.isMissing(cell)) {
                    if (layout.missing() == MissingPolicy.ERROR) {
                        throw new UserError(at(line, field), "missing value '" + Quote.of(cell)
                                + "'; a missing cell is an error unless missing: drop is set");
                    }
                    missingField = missingField < 0 ? field : missingField;
                    continue;
                }
                double x = Cells.parseNumber(cell);
                if (Double.isNaN(x)) {
                    throw new UserError(at(line, field), "'" + Quote.of(cell) + "' is not a number");
                }
                if (Double.isInfinite(x)) {
                    throw new UserError(at(line, field), "'" + Quote.of(cell) + "' is not a finite number");
                }
                if (c == Column.VOLUME ? x < 0 : x <= 0) {
                    throw new UserError(at(line, field), "'" + Quote.of(cell) + "' is "
                            + (c == Column.VOLUME ? "negative; volume must be >= 0" : "not positive; prices must be > 0"));
                }
                if (c != Column.VOLUME && (x < MIN_PRICE || x > MAX_PRICE)) {
                    throw new UserError(at(line, field), "'" + Quote.of(cell) + "' is outside the prices Foresight accepts ["
                            + MIN_PRICE + ", " + MAX_PRICE + "]: returns, squared returns and GARCH variances of such"
                            + " values underflow or overflow; rescale the series (e.g. prices per 1,000,000 units)");
                }
                v[c.ordinal()] = x;
            }
            if (missingField >= 0) {
                dropped++;
                firstDroppedLine = firstDroppedLine == 0 ? line : firstDroppedLine;
                return;
            }
            checkBar(line, v, raw);
            append(line, date, v);
        }

        private LocalDate date(int line, String cell) {
            Location where = at(line, header.dateField);
            if (Cells.isMissing(cell)) {
                throw new UserError(where, "missing date '" + Quote.of(cell) + "'; every row needs a date");
            }
            if (dateFormat == null) {
                if (layout.datePattern() != null) {
                    dateFormat = DateFormat.pattern(layout.datePattern());
                } else {
                    dateFormat = DateFormat.AUTO.stream().filter(f -> f.parse(cell) != null).findFirst()
                            .orElseThrow(() -> new UserError(where, "'" + Quote.of(cell) + "' is not a date in any of the "
                                    + "formats tried (" + descriptions() + "); set date_format"));
                    dateFormatDetected = true;
                    dateFormatLine = line;
                }
            }
            LocalDate date = dateFormat.parse(cell);
            if (date == null) {
                String how = dateFormatDetected ? " (the format detected from line " + dateFormatLine + ")"
                        : " (date_format)";
                throw new UserError(where, "'" + Quote.of(cell) + "' is not a date in the format " + dateFormat.description()
                        + how);
            }
            return date;
        }

        /** The OHLC rules, each checked only when the columns it needs are mapped. */
        private void checkBar(int line, double[] v, String[] raw) {
            boolean open = has(Column.OPEN);
            boolean high = has(Column.HIGH);
            boolean low = has(Column.LOW);
            double o = v[Column.OPEN.ordinal()];
            double h = v[Column.HIGH.ordinal()];
            double l = v[Column.LOW.ordinal()];
            double c = v[Column.CLOSE.ordinal()];
            if (high && low && h < l) {
                throw new UserError(at(line, field(Column.HIGH)), "high '" + raw(raw, Column.HIGH) + "' is below low '"
                        + raw(raw, Column.LOW) + "' (rule: high >= low)");
            }
            if (high && (h < c || open && h < o)) {
                Column top = open && o > c ? Column.OPEN : Column.CLOSE;
                throw new UserError(at(line, field(Column.HIGH)), "high '" + raw(raw, Column.HIGH)
                        + "' is below " + top.yamlName() + " '" + raw(raw, top)
                        + "' (rule: high >= max(open, close))");
            }
            if (low && (l > c || open && l > o)) {
                Column bottom = open && o < c ? Column.OPEN : Column.CLOSE;
                throw new UserError(at(line, field(Column.LOW)), "low '" + raw(raw, Column.LOW)
                        + "' is above " + bottom.yamlName() + " '" + raw(raw, bottom)
                        + "' (rule: low <= min(open, close))");
            }
        }

        private void append(int line, LocalDate date, double[] v) {
            if (size == dates.length) {
                int capacity = size * 2;
                dates = Arrays.copyOf(dates, capacity);
                lines = Arrays.copyOf(lines, capacity);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        values[i] = Arrays.copyOf(values[i], capacity);
                    }
                }
            }
            dates[size] = date;
            lines[size] = line;
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    values[i][size] = v[i];
                }
            }
            size++;
        }

        private void checkDuplicates() {
            Map<LocalDate, Integer> seen = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                Integer before = seen.putIfAbsent(dates[i], i);
                if (before != null) {
                    throw new UserError(at(lines[i], header.dateField), "duplicate date '" + dates[i]
                            + "', already on line " + lines[before]);
                }
            }
        }

        /**
         * Oldest-first passes; entirely newest-first is reversed (Yahoo web tables are written that
         * way); anything else is an error naming the two lines where the order breaks.
         *
         * @return true when the rows were reversed
         */
        private boolean checkOrder() {
            boolean newestFirst = size >= 2 && dates[1].isBefore(dates[0]);
            for (int i = 1; i < size; i++) {
                boolean inOrder = newestFirst ? dates[i].isBefore(dates[i - 1]) : dates[i].isAfter(dates[i - 1]);
                if (!inOrder) {
                    String rule = newestFirst
                            ? "the file starts newest-first (lines " + lines[0] + ", " + lines[1]
                              + "), so every date must be earlier than the one before"
                            : "dates must increase down the file (or decrease throughout, newest-first)";
                    throw new UserError(at(lines[i], header.dateField), "date '" + dates[i] + "' on line " + lines[i]
                            + " is out of order after '" + dates[i - 1] + "' on line " + lines[i - 1] + "; " + rule);
                }
            }
            if (newestFirst) {
                reverse();
            }
            return newestFirst;
        }

        private void reverse() {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                LocalDate d = dates[i];
                dates[i] = dates[j];
                dates[j] = d;
                for (double[] column : values) {
                    if (column != null) {
                        double x = column[i];
                        column[i] = column[j];
                        column[j] = x;
                    }
                }
            }
        }

        private LoadedSeries build(boolean reversed) {
            EnumMap<Column, double[]> columns = new EnumMap<>(Column.class);
            for (Column c : ALL) {
                if (values[c.ordinal()] != null) {
                    columns.put(c, Arrays.copyOf(values[c.ordinal()], size));
                }
            }
            PriceSeries series = PriceSeries.of(symbol, Arrays.copyOf(dates, size), columns, null);
            List<String> remarks = new ArrayList<>();
            remarks.add("columns read: " + columns.keySet() + ", dates as " + dateFormat.description()
                    + (dateFormatDetected ? " (auto-detected)" : ""));
            if (!header.ignored.isEmpty()) {
                remarks.add("ignored columns: " + header.ignored);
            }
            if (dropped > 0) {
                remarks.add("dropped " + dropped + " rows with a missing value (missing: drop), the first on line "
                        + firstDroppedLine);
            }
            if (reversed) {
                remarks.add("the file was newest-first; rows were reversed to oldest-first");
            }
            return new LoadedSeries(series, new DataNotes(rowsRead, dropped, 0, reversed, remarks));
        }

        private boolean has(Column c) {
            return header.fields.containsKey(c);
        }

        private int field(Column c) {
            return header.fields.get(c);
        }

        private static String raw(String[] raw, Column c) {
            return Quote.of(raw[c.ordinal()]);
        }

        private Location at(int line, int field) {
            return Location.at(source, line, field + 1, header.header(field));
        }

        private static String descriptions() {
            return String.join(", ", DateFormat.AUTO.stream().map(DateFormat::description).toList());
        }
    }
}
