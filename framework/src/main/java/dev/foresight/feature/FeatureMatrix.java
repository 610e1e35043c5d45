package dev.foresight.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Named feature columns over bars {@code 0..rows()-1}, stored by column. NaN marks a value that
 * does not exist yet (warm-up); it is never filled. Immutable: the column arrays are never written
 * after construction, so {@link #head} shares them with its source instead of copying (a column
 * array may be longer than {@link #rows()}; nothing past {@code rows()} can be read — every read
 * checks the row).
 */
public final class FeatureMatrix {

    private final List<String> names;
    private final double[][] columns;
    private final int rows;

    private FeatureMatrix(List<String> names, double[][] columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /** Copies {@code columns}; each must have {@code rows} values. */
    public static FeatureMatrix of(List<String> names, double[][] columns, int rows) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new IllegalArgumentException("feature " + names.get(c) + " has " + columns[c].length
                        + " rows, expected " + rows);
            }
            copy[c] = columns[c].clone();
        }
        return new FeatureMatrix(List.copyOf(names), copy, rows);
    }

    public static FeatureMatrix empty(int rows) {
        return new FeatureMatrix(List.of(), new double[0][], rows);
    }

    public int rows() {
        return rows;
    }

    public int width() {
        return columns.length;
    }

    public List<String> names() {
        return names;
    }

    public double get(int row, int column) {
        return columns[column][Objects.checkIndex(row, rows)];
    }

    public double[] column(int column) {
        return Arrays.copyOf(columns[column], rows);
    }

    /** Whether every value of {@code row} is finite. */
    public boolean complete(int row) {
        Objects.checkIndex(row, rows);
        for (double[] c : columns) {
            if (!Double.isFinite(c[row])) {
                return false;
            }
        }
        return true;
    }

    /** Columns of {@code this} then of {@code other}, side by side. */
    public FeatureMatrix concat(FeatureMatrix other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException("cannot join " + rows + " rows with " + other.rows);
        }
        List<String> n = new ArrayList<>(names);
        n.addAll(other.names);
        double[][] c = new double[columns.length + other.columns.length][];
        for (int i = 0; i < columns.length; i++) {
            c[i] = column(i);
        }
        for (int i = 0; i < other.columns.length; i++) {
            c[columns.length + i] = other.column(i);
        }
        return of(n, c, rows);
    }

    /** A matrix with each column replaced by {@code f(index, column)}; used by scalers. */
    public FeatureMatrix mapColumns(BiFunction<Integer, double[], double[]> f) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = f.apply(c, column(c));
        }
        return of(names, out, rows);
    }

    /**
     * The first {@code n} rows, sharing this matrix's columns (no copy: the truncation check takes
     * the head at every model bar of a fold, which copied O(bars × columns) values each time).
     */
    public FeatureMatrix head(int n) {
        if (n < 0 || n > rows) {
            throw new IllegalArgumentException("head(" + n + ") of " + rows + " rows");
        }
        return n == rows ? this : new FeatureMatrix(names, columns, n);
    }
}
