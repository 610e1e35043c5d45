package dev.foresight.scaling;

import dev.foresight.feature.FeatureMatrix;
import java.util.Arrays;

/**
 * A per-column affine scaling {@code (x - shift) / scale}, fit on training rows only and then
 * applied to every row. Min-max maps the training range to [0, 1] (test values may fall outside:
 * that is honest, not clipped); z-score uses the training mean and sample standard deviation.
 * A column that is constant on the training rows gets scale 1, so it maps to 0 instead of dividing by zero.
 */
public record Scaler(ScalingMethod method, double[] shift, double[] scale) {

    public Scaler {
        if (shift.length != scale.length) {
            throw new IllegalArgumentException("shift and scale need one value per column");
        }
        shift = shift.clone();
        scale = scale.clone();
    }

    /** Fits on the given rows only (rows with a NaN in a column are skipped for that column). */
    public static Scaler fit(ScalingMethod method, FeatureMatrix features, int[] rows) {
        int width = features.width();
        double[] shift = new double[width];
        double[] scale = new double[width];
        Arrays.fill(scale, 1.0);
        if (method == ScalingMethod.NONE) {
            return new Scaler(method, shift, scale);
        }
        for (int c = 0; c < width; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int r : rows) {
                double v = features.get(r, c);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("feature " + features.names().get(c) + " has no finite value on the training rows");
            }
            if (method == ScalingMethod.MINMAX) {
                shift[c] = min;
                scale[c] = max > min ? max - min : 1.0;
            } else {
                double mean = sum / n;
                double ss = 0;
                for (int r : rows) {
                    double v = features.get(r, c);
                    if (Double.isFinite(v)) {
                        ss += (v - mean) * (v - mean);
                    }
                }
                double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
                shift[c] = mean;
                scale[c] = sd > 0 ? sd : 1.0;
            }
        }
        return new Scaler(method, shift, scale);
    }

    /** Every row of {@code features} scaled with the fitted parameters; NaN stays NaN. */
    public FeatureMatrix apply(FeatureMatrix features) {
        if (features.width() != shift.length) {
            throw new IllegalArgumentException("scaler fit on " + shift.length + " columns, given " + features.width());
        }
        if (method == ScalingMethod.NONE) {
            return features;
        }
        return features.mapColumns((c, values) -> {
            for (int r = 0; r < values.length; r++) {
                values[r] = (values[r] - shift[c]) / scale[c];
            }
            return values;
        });
    }

    @Override
    public double[] shift() {
        return shift.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaler s && method == s.method && Arrays.equals(shift, s.shift) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + Arrays.hashCode(shift)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Scaler[" + method + ", shift=" + Arrays.toString(shift) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
