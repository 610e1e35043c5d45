package dev.foresight.model;

import dev.foresight.data.LookAheadException;
import dev.foresight.feature.FeatureMatrix;
import java.util.Arrays;

/**
 * What a model sees: scaled feature rows and target labels for bars {@code 0..last()}, and the
 * rows of interest (those to fit on, or to forecast). Labels are only those known at
 * {@code last()}: label {@code t} exists when {@code t + horizon ≤ last}. Reading beyond
 * {@code last()} throws. Immutable.
 */
public final class ModelData {

    private final FeatureMatrix features;
    private final double[] labels;
    private final int horizon;
    private final int last;
    private final int[] rows;

    private ModelData(FeatureMatrix features, double[] labels, int horizon, int last, int[] rows) {
        this.features = features;
        this.labels = labels;
        this.horizon = horizon;
        this.last = last;
        this.rows = rows;
    }

    /**
     * @param features feature rows for bars {@code 0..last} at least (later rows are cut off)
     * @param labels   labels for bars {@code 0..last} at least; those not known at {@code last} are hidden
     */
    public static ModelData of(FeatureMatrix features, double[] labels, int horizon, int last, int[] rows) {
        if (features.rows() <= last || labels.length <= last) {
            throw new IllegalArgumentException("features and labels must cover bars 0.." + last);
        }
        double[] known = Arrays.copyOf(labels, last + 1);
        for (int t = Math.max(0, last - horizon + 1); t <= last; t++) {
            known[t] = Double.NaN;
        }
        for (int r : rows) {
            if (r < 0 || r > last) {
                throw new IllegalArgumentException("row " + r + " is outside bars 0.." + last);
            }
        }
        return new ModelData(features.rows() == last + 1 ? features : features.head(last + 1), known, horizon, last,
                rows.clone());
    }

    /** Last visible bar. */
    public int last() {
        return last;
    }

    public int horizon() {
        return horizon;
    }

    /** The rows to fit on or forecast, ascending. */
    public int[] rows() {
        return rows.clone();
    }

    public int size() {
        return rows.length;
    }

    public int width() {
        return features.width();
    }

    public java.util.List<String> featureNames() {
        return features.names();
    }

    public double feature(int t, int column) {
        check(t);
        return features.get(t, column);
    }

    /** Feature row {@code t}. */
    public double[] row(int t) {
        check(t);
        double[] out = new double[features.width()];
        for (int c = 0; c < out.length; c++) {
            out[c] = features.get(t, c);
        }
        return out;
    }

    /** Rows {@code t-length+1..t}, oldest first: the input of a sequence model forecasting at {@code t}. */
    public double[][] window(int t, int length) {
        check(t);
        if (t - length + 1 < 0) {
            throw new IllegalArgumentException("a window of " + length + " ending at bar " + t + " starts before bar 0");
        }
        double[][] out = new double[length][];
        for (int i = 0; i < length; i++) {
            out[i] = row(t - length + 1 + i);
        }
        return out;
    }

    /** The label of bar {@code t}; throws if it is not known at {@link #last()}. */
    public double label(int t) {
        return labelKnownAt(t, last);
    }

    /**
     * The label of bar {@code s} as known at the close of bar {@code asOf}: it exists only when
     * {@code s + horizon ≤ asOf}. A model forecasting at {@code t} passes {@code asOf = t}.
     */
    public double labelKnownAt(int s, int asOf) {
        check(asOf);
        if (s + horizon > asOf) {
            throw new LookAheadException("label of bar " + s + " (horizon " + horizon + ")", s + horizon, asOf);
        }
        return labels[s];
    }

    /** The labels of {@link #rows()}, in order. */
    public double[] rowLabels() {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = label(rows[i]);
        }
        return out;
    }

    /** The same data with other rows of interest. */
    public ModelData withRows(int[] newRows) {
        return of(features, labels, horizon, last, newRows);
    }

    private void check(int t) {
        if (t > last) {
            throw new LookAheadException("model input", t, last);
        }
        if (t < 0) {
            throw new IndexOutOfBoundsException("bar " + t);
        }
    }
}
