package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * AR(p) on the target's own past, fitted by ordinary least squares with an intercept.
 *
 * <p>With horizon {@code h}, the newest label known at the close of {@code t} is that of bar
 * {@code t-h}, so label(t) is regressed on label(t-h), label(t-h-1), ..., label(t-h-p+1): a direct
 * h-step regression. Rows without all {@code p} lags (the start of the data, or NaN labels) are
 * skipped.
 */
record ArModel(int p) implements Model {

    /**
     * Collinearity tolerance, relative to the largest design column's norm. QR with an absolute
     * threshold of 0 (Commons Math's default) misses constant labels: rounding leaves a 1e-16-size
     * pivot and the fit returns huge garbage coefficients instead of failing.
     */
    private static final double RELATIVE_TOLERANCE = 1e-10;

    ArModel {
        if (p < 1) {
            throw new IllegalArgumentException("ar: p must be ≥ 1, got " + p);
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        int h = train.horizon();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int t : train.rows()) {
            double y = train.label(t);
            double[] lags = lags(train, t, h);
            if (Double.isFinite(y) && lags != null) {
                xs.add(lags);
                ys.add(y);
            }
        }
        int n = ys.size();
        if (n < p + 2) {
            throw new IllegalArgumentException(name() + ": only " + n + " training rows have " + p
                    + " known lagged labels; least squares needs at least " + (p + 2));
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] x = xs.toArray(new double[0][]);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(RELATIVE_TOLERANCE * largestColumnNorm(x));
        ols.newSampleData(y, x);
        double[] beta;
        try {
            beta = ols.estimateRegressionParameters();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException(name() + ": the lagged labels are collinear (for example constant"
                    + " labels), so the least-squares coefficients are not identified", e);
        }
        for (double b : beta) {
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException(name() + ": least squares gave a non-finite coefficient");
            }
        }
        return new FittedAr(p, h, beta, ols.estimateRegressionParametersStandardErrors(), ols.calculateRSquared(),
                ols.estimateErrorVariance(), n, Labels.directionCoded(y));
    }

    /** label(t-h-j) for j = 0..p-1, as known at the close of {@code t}; null when one is missing. */
    private double[] lags(ModelData data, int t, int h) {
        if (t - h - p + 1 < 0) {
            return null;
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = data.labelKnownAt(t - h - j, t);
            if (!Double.isFinite(out[j])) {
                return null;
            }
        }
        return out;
    }

    private static double largestColumnNorm(double[][] x) {
        double interceptNorm = Math.sqrt(x.length);
        double largest = interceptNorm;
        for (int c = 0; c < x[0].length; c++) {
            double ss = 0;
            for (double[] row : x) {
                ss += row[c] * row[c];
            }
            largest = Math.max(largest, Math.sqrt(ss));
        }
        return largest;
    }

    private String name() {
        return "ar(p=" + p + ")";
    }
}
