package dev.foresight.results;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import org.duckdb.DuckDBAppender;

/** Appends one Java value to a DuckDB row, with SQL NULL for null and for non-finite doubles. */
final class Values {

    private Values() {
    }

    static void append(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                a.append(d.doubleValue());
            } else {
                a.appendNull(); // NaN means "undefined" in the scores, which SQL spells NULL
            }
        } else if (v instanceof Integer i) {
            a.append(i.intValue());
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else if (v instanceof LocalDate d) {
            a.append(d);
        } else if (v instanceof LocalDateTime t) {
            a.append(t);
        } else if (v instanceof Collection<?> c) {
            a.append(String.join("; ", c.stream().map(String::valueOf).toList()));
        } else {
            a.append(v.toString());
        }
    }

    static void row(DuckDBAppender a, Object... values) throws SQLException {
        a.beginRow();
        for (Object v : values) {
            append(a, v);
        }
        a.endRow();
    }
}
