package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted AR(p): forecast(t) = intercept + Σ coefficient[j] × label(t-h-j), reading each lag as
 * known at the close of {@code t}. Immutable: arrays are copied in and out.
 */
final class FittedAr implements FittedModel {

    private final int p;
    private final int horizon;
    private final double intercept;
    private final double[] coefficients;
    private final double[] standardErrors;
    private final double rSquared;
    private final double residualVariance;
    private final int rows;
    private final boolean binary;

    /**
     * @param beta           intercept first, then one coefficient per lag, newest lag first
     * @param standardErrors in the same order as {@code beta}
     * @param binary         labels were all 0/1: the forecast, clipped to [0, 1], is a probability of up
     */
    FittedAr(int p, int horizon, double[] beta, double[] standardErrors, double rSquared, double residualVariance,
             int rows, boolean binary) {
        if (beta.length != p + 1 || standardErrors.length != p + 1) {
            throw new IllegalArgumentException("AR(" + p + ") needs " + (p + 1) + " parameters, got " + beta.length);
        }
        this.p = p;
        this.horizon = horizon;
        this.intercept = beta[0];
        this.coefficients = Arrays.copyOfRange(beta, 1, beta.length);
        this.standardErrors = standardErrors.clone();
        this.rSquared = rSquared;
        this.residualVariance = residualVariance;
        this.rows = rows;
        this.binary = binary;
    }

    double intercept() {
        return intercept;
    }

    /** Newest lag first. */
    double[] coefficients() {
        return coefficients.clone();
    }

    /** Standard errors of the coefficients (not the intercept), newest lag first. */
    double[] coefficientStandardErrors() {
        return Arrays.copyOfRange(standardErrors, 1, standardErrors.length);
    }

    @Override
    public Forecast[] predict(ModelData data) {
        if (data.horizon() != horizon) {
            throw new IllegalArgumentException("ar(p=" + p + ") was fitted for horizon " + horizon
                    + " but asked to forecast horizon " + data.horizon());
        }
        int[] rows = data.rows();
        Forecast[] out = new Forecast[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double point = forecastAt(data, rows[i]);
            double up = binary ? Math.min(1.0, Math.max(0.0, point)) : Double.NaN;
            out[i] = new Forecast(point, up, residualVariance);
        }
        return out;
    }

    private double forecastAt(ModelData data, int t) {
        int oldest = t - horizon - p + 1;
        if (oldest < 0) {
            throw new IllegalArgumentException("ar(p=" + p + ") cannot forecast bar " + t + " with horizon " + horizon
                    + ": it needs the labels of bars " + (t - horizon) + ".." + oldest
                    + "; the first bar it can forecast is " + (horizon + p - 1));
        }
        double sum = intercept;
        for (int j = 0; j < p; j++) {
            int s = t - horizon - j;
            double lag = data.labelKnownAt(s, t);
            if (!Double.isFinite(lag)) {
                throw new IllegalArgumentException("ar(p=" + p + ") cannot forecast bar " + t + ": the label of bar "
                        + s + " is " + lag);
            }
            sum += coefficients[j] * lag;
        }
        return sum;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("p", p);
        d.put("horizon", horizon);
        d.put("intercept", intercept);
        d.put("coefficients", list(coefficients));
        d.put("intercept_standard_error", standardErrors[0]);
        d.put("coefficient_standard_errors", list(coefficientStandardErrors()));
        d.put("r_squared", rSquared);
        d.put("residual_variance", residualVariance);
        d.put("rows", rows);
        return Collections.unmodifiableMap(d);
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
