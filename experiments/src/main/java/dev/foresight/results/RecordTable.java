package dev.foresight.results;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A table whose columns are a record's components, in order, with snake_case names: the summary's
 * rows ({@code SummaryRow}, {@code SignificanceRow}, {@code RegimeRow}) go into the database with
 * the same fields as in {@code summary.json}, described once by the record itself.
 */
final class RecordTable<R extends Record> {

    private final String name;
    private final RecordComponent[] components;

    RecordTable(String name, Class<R> type) {
        this.name = name;
        this.components = type.getRecordComponents();
    }

    void create(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (RecordComponent rc : components) {
            columns.add(column(rc.getName()) + " " + sqlType(rc.getType()));
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (" + String.join(", ", columns) + ")");
        }
    }

    void append(DuckDBConnection c, List<R> rows) throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (R row : rows) {
                a.beginRow();
                for (RecordComponent rc : components) {
                    Object v;
                    try {
                        v = rc.getAccessor().invoke(row);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    Values.append(a, v);
                }
                a.endRow();
            }
        }
    }

    static String column(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String sqlType(Class<?> t) {
        if (t == int.class || t == Integer.class) {
            return "INTEGER";
        }
        if (t == long.class || t == Long.class) {
            return "BIGINT";
        }
        if (t == double.class || t == Double.class) {
            return "DOUBLE";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "BOOLEAN";
        }
        return "VARCHAR"; // strings, and lists written as text joined with "; "
    }
}
