package dev.foresight.cli;

import dev.foresight.data.csv.CsvLayout;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one numeric column of a CSV file as returns, for {@code foresight garch --returns as-is}.
 * The price loader cannot do this job: it rejects non-positive values, and returns are signed.
 * Errors are located like the loader's ({@code file:line:column (header)}) and quote the cell.
 * Fields may be quoted (RFC 4180, without line breaks inside quotes); header names are compared
 * as the loader compares them ({@link CsvLayout#normalise}).
 */
final class ReturnsColumn {

    private ReturnsColumn() {
    }

    static double[] read(Path file, String column) {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new UserError(Location.of(source), "file not found (looked at " + file.toAbsolutePath() + ")");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(Location.of(source), "cannot read the file as UTF-8 text: " + e.getMessage(), e);
        }
        int headerLine = -1;
        List<String> header = null;
        int index = -1;
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields = split(source, line, text);
            if (header == null) {
                header = fields;
                headerLine = line;
                String wanted = CsvLayout.normalise(column);
                for (int c = 0; c < fields.size(); c++) {
                    if (CsvLayout.normalise(fields.get(c)).equals(wanted)) {
                        index = c;
                    }
                }
                if (index < 0) {
                    throw new UserError(Location.at(source, line, 0, column), "no column named '" + column
                            + "'; the header has " + fields);
                }
                continue;
            }
            if (fields.size() != header.size()) {
                throw new UserError(Location.at(source, line, 0, ""), "the row has " + fields.size()
                        + " fields but the header has " + header.size());
            }
            String cell = fields.get(index).strip();
            double v;
            try {
                v = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v) || cell.endsWith("d") || cell.endsWith("f")) {
                throw new UserError(Location.at(source, line, index + 1, header.get(index)),
                        "'" + cell + "' is not a number (a return was expected; missing values are not allowed)");
            }
            values.add(v);
        }
        if (header == null) {
            throw new UserError(Location.of(source), "the file is empty; expected a header row");
        }
        if (values.isEmpty()) {
            throw new UserError(Location.at(source, headerLine, 0, ""), "no data rows after the header");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> split(String source, int line, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UserError(Location.at(source, line, out.size() + 1, ""), "a quoted field is not closed");
        }
        out.add(field.toString());
        return out;
    }
}
