package dev.foresight.error;

/**
 * Where a user's mistake is: a file (or other named source), an optional line and column
 * (1-based, 0 when unknown) and an optional field path such as {@code experiments[0].models[1].p}
 * or a CSV column name.
 */
public record Location(String source, int line, int column, String field) {

    public Location {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a location needs a source");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
        }
        field = field == null ? "" : field;
    }

    public static Location of(String source) {
        return new Location(source, 0, 0, "");
    }

    public static Location at(String source, int line, int column, String field) {
        return new Location(source, line, column, field);
    }

    public Location withField(String newField) {
        return new Location(source, line, column, newField);
    }

    /** {@code file:line:column (field)}, omitting what is unknown. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        if (!field.isEmpty()) {
            out.append(" (").append(field).append(')');
        }
        return out.toString();
    }
}
