package dev.foresight.model;

import dev.foresight.data.LookAheadException;
import dev.foresight.feature.FeatureMatrix;
import java.util.Arrays;
import java.util.List;

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
    private final boolean forecasting;
    private final String context;

    private ModelData(FeatureMatrix features, double[] labels, int horizon, int last, int[] rows, boolean forecasting,
                      String context) {
        this.features = features;
        this.labels = labels;
        this.horizon = horizon;
        this.last = last;
        this.rows = rows;
        this.forecasting = forecasting;
        this.context = context;
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
                rows.clone(), false, "");
    }

    /**
     * The same data as the input of a forecast of {@link #rows()}: {@link #label(int)} then returns
     * only labels known at the <em>first</em> row forecast (known at every forecast bar), and any
     * other label must be read with {@link #labelKnownAt(int, int)} as of the bar being forecast.
     * {@code context} (e.g. {@code "model ar, fold 2"}) names the reader in a {@link LookAheadException}.
     */
    public ModelData forForecasting(String context) {
        return new ModelData(features, labels, horizon, last, rows, true, context == null ? "" : context);
    }

    /** Whether this is the input of a forecast (see {@link #forForecasting}). */
    public boolean forecasting() {
        return forecasting;
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

    public List<String> featureNames() {
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

    /**
     * The label of bar {@code t}; throws if it is not known at {@link #last()} — or, in the input of
     * a forecast, if it is not known at the first bar forecast: a forecast of bar {@code t} may use
     * only labels known at the close of {@code t}, so later ones need {@link #labelKnownAt}.
     */
    public double label(int t) {
        if (forecasting && rows.length > 0 && t + horizon > rows[0]) {
            throw new LookAheadException(prefix() + "read the label of bar " + t + " (horizon " + horizon
                    + ", known only from the close of bar " + (t + horizon) + ") while forecasting bars " + rows[0] + ".."
                    + rows[rows.length - 1] + "; at forecast time read labels with labelKnownAt(s, t), t the bar "
                    + "being forecast");
        }
        return labelKnownAt(t, last);
    }

    /**
     * The label of bar {@code s} as known at the close of bar {@code asOf}: it exists only when
     * {@code s + horizon ≤ asOf}. A model forecasting at {@code t} passes {@code asOf = t}.
     */
    public double labelKnownAt(int s, int asOf) {
        check(asOf);
        if (s + horizon > asOf) {
            throw new LookAheadException(prefix() + "read the label of bar " + s + " (horizon " + horizon
                    + ") as known at bar " + asOf + ", but it is known only from the close of bar " + (s + horizon));
        }
        if (s < 0) {
            throw new IndexOutOfBoundsException("bar " + s);
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

    /** The same data with other rows of interest (and the same forecasting mode and context). */
    public ModelData withRows(int[] newRows) {
        ModelData d = of(features, labels, horizon, last, newRows);
        return forecasting ? d.forForecasting(context) : d;
    }

    private String prefix() {
        return context.isEmpty() ? "" : context + ": ";
    }

    private void check(int t) {
        if (t > last) {
            throw new LookAheadException(prefix() + "read model input at bar " + t + " but only bars 0.." + last
                    + " are visible at this point in time");
        }
        if (t < 0) {
            throw new IndexOutOfBoundsException("bar " + t);
        }
    }
}
