package dev.foresight.strategies.lstm;

import dev.foresight.model.ModelData;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input windows as one flat single-precision array in DL4J's NCW order: window {@code i}, feature
 * {@code c}, time step {@code k} (oldest first) sits at {@code (i·features + c)·window + k}. Kept on
 * the Java heap so minibatches are cheap copies.
 */
final class Windows {

    private final float[] values;
    private final int count;
    private final int features;
    private final int window;

    private Windows(float[] values, int count, int features, int window) {
        this.values = values;
        this.count = count;
        this.features = features;
        this.window = window;
    }

    /** The windows ending at {@code rows}; every one must lie inside the data and be finite. */
    static Windows of(ModelData data, int[] rows, int window, String kind) {
        return of(data, rows, window, kind, null);
    }

    /**
     * The windows ending at {@code rows}; the columns flagged in {@code relative} (null = none) are
     * divided by their value at the window's last bar, minus 1 (last-value normalisation), which
     * must then be positive.
     */
    static Windows of(ModelData data, int[] rows, int window, String kind, boolean[] relative) {
        int f = data.width();
        float[] out = new float[rows.length * f * window];
        for (int i = 0; i < rows.length; i++) {
            int t = rows[i];
            if (t - window + 1 < 0) {
                throw new IllegalArgumentException(kind + ": bar " + t + " has no full window of " + window
                        + " bars before it; the first bar it can use is " + (window - 1));
            }
            for (int k = 0; k < window; k++) {
                int s = t - window + 1 + k;
                for (int c = 0; c < f; c++) {
                    double v = data.feature(s, c);
                    if (relative != null && relative[c]) {
                        v = v / lastValue(data, t, c, kind) - 1;
                    }
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(kind + ": feature '" + data.featureNames().get(c)
                                + "' of bar " + s + " is " + v + " (in the window ending at bar " + t + ")");
                    }
                    out[(i * f + c) * window + k] = (float) v;
                }
            }
        }
        return new Windows(out, rows.length, f, window);
    }

    /**
     * Feature {@code column} at bar {@code t}, the divisor of a window normalised by its last value.
     *
     * @throws IllegalArgumentException unless it is positive and finite (a price level, not a return)
     */
    static double lastValue(ModelData data, int t, int column, String kind) {
        double last = data.feature(t, column);
        if (!(last > 0) || !Double.isFinite(last)) {
            throw new IllegalArgumentException(kind + ": window_normalisation: last-value divides each window by its"
                    + " last value, but feature '" + data.featureNames().get(column) + "' is " + last + " at bar " + t
                    + "; use it with positive, unscaled columns (price levels: {kind: price} and scaling: none)");
        }
        return last;
    }

    /**
     * The columns last-value normalisation divides: those positive on every bar of the training
     * windows (price levels, volumes; returns and oscillators are not). Fit on training data only.
     *
     * @throws IllegalArgumentException when the first column, the label's reference, is not one of them
     */
    static boolean[] positiveColumns(ModelData data, int[] rows, int window, String kind) {
        boolean[] out = new boolean[data.width()];
        java.util.Arrays.fill(out, true);
        int first = rows[0] - window + 1;
        for (int s = first; s <= rows[rows.length - 1]; s++) {
            for (int c = 0; c < out.length; c++) {
                out[c] &= data.feature(s, c) > 0;
            }
        }
        if (!out[0]) {
            throw new IllegalArgumentException(kind + ": window_normalisation: last-value takes the label relative to"
                    + " the first feature column, which must be a positive price level (list {kind: price} first and"
                    + " use scaling: none), but '" + data.featureNames().get(0) + "' is not positive on every"
                    + " training bar");
        }
        return out;
    }

    /** Whether the window ending at {@code t} lies inside the data and is finite. */
    static boolean complete(ModelData data, int t, int window) {
        if (t - window + 1 < 0) {
            return false;
        }
        for (int s = t - window + 1; s <= t; s++) {
            for (int c = 0; c < data.width(); c++) {
                if (!Double.isFinite(data.feature(s, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    int count() {
        return count;
    }

    /** All windows, {@code [count, features, window]}. */
    INDArray all() {
        return Nd4j.create(values, new long[] {count, features, window}, 'c');
    }

    /** The windows at {@code indices} (positions in this set), in that order. */
    INDArray select(int[] indices) {
        int size = features * window;
        float[] out = new float[indices.length * size];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * size, out, j * size, size);
        }
        return Nd4j.create(out, new long[] {indices.length, features, window}, 'c');
    }

    /** Windows {@code from..to-1}. */
    INDArray range(int from, int to) {
        int size = features * window;
        return Nd4j.create(Arrays.copyOfRange(values, from * size, to * size), new long[] {to - from, features, window}, 'c');
    }
}
