package dev.foresight.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Named feature columns over bars {@code 0..rows()-1}, stored by column. NaN marks a value that
 * does not exist yet (warm-up); it is never filled. Immutable.
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
        return columns[column][row];
    }

    public double[] column(int column) {
        return columns[column].clone();
    }

    /** Whether every value of {@code row} is finite. */
    public boolean complete(int row) {
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
        double[][] c = Arrays.copyOf(columns, columns.length + other.columns.length);
        System.arraycopy(other.columns, 0, c, columns.length, other.columns.length);
        return of(n, c, rows);
    }

    /** A matrix with each column replaced by {@code f(index, column)}; used by scalers. */
    public FeatureMatrix mapColumns(java.util.function.BiFunction<Integer, double[], double[]> f) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = f.apply(c, columns[c].clone());
        }
        return of(names, out, rows);
    }

    /** The first {@code n} rows. */
    public FeatureMatrix head(int n) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = Arrays.copyOf(columns[c], n);
        }
        return new FeatureMatrix(names, out, n);
    }
}
