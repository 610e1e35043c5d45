package dev.foresight.strategies.garch;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GARCH fit used for forecasting. At test bar t the returns from the training start to t are
 * filtered with the fitted parameters (causal, with the fit's fixed initial variance), and the
 * forecast for the next h bars is made from the state after bar t.
 */
final class FittedGarch implements FittedModel {

    private final GarchFit fit;
    private final Output output;
    private final int column;
    private final String feature;
    private final int start;
    private final int horizon;

    FittedGarch(GarchFit fit, Output output, int column, String feature, int start, int horizon) {
        this.fit = fit;
        this.output = output;
        this.column = column;
        this.feature = feature;
        this.start = start;
        this.horizon = horizon;
    }

    GarchFit fit() {
        return fit;
    }

    @Override
    public Forecast[] predict(ModelData data) {
        if (data.horizon() != horizon) {
            throw new IllegalArgumentException("garch was fitted for horizon " + horizon + " but asked for " + data.horizon());
        }
        if (!feature.equals(data.featureNames().get(column))) {
            throw new IllegalArgumentException("garch: the feature columns changed between fit and forecast");
        }
        int last = data.last();
        double[] r = new double[last - start + 1];
        for (int t = start; t <= last; t++) {
            r[t - start] = data.feature(t, column);
            if (!Double.isFinite(r[t - start])) {
                throw new IllegalArgumentException("garch: the return feature '" + feature + "' is " + r[t - start]
                        + " at bar " + t);
            }
        }
        Filtered filtered = fit.filter(r);
        double[] e = filtered.residuals();
        double[] v = filtered.variances();
        int[] rows = data.rows();
        Forecast[] out = new Forecast[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int t = rows[i];
            if (t < start) {
                throw new IllegalArgumentException("garch cannot forecast bar " + t + ", before its first return " + start);
            }
            int s = t - start;
            Filtered state = new Filtered(new double[0], new double[0], new double[0],
                    fit.nextVariance(e[s], v[s]), r[s]);
            double[] variances = fit.varianceForecasts(state, horizon);
            double[] means = fit.meanForecasts(state, horizon);
            double sumVariance = 0;
            double sumMean = 0;
            for (int k = 0; k < horizon; k++) {
                sumVariance += variances[k];
                sumMean += means[k];
            }
            out[i] = output == Output.VOLATILITY
                    ? new Forecast(fit.rmsForecast(state, horizon), Double.NaN, sumVariance / horizon)
                    : new Forecast(sumMean, Double.NaN, sumVariance);
        }
        return out;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        GarchSpec spec = fit.spec();
        d.put("variant", spec.variance().yamlName());
        d.put("mean", spec.mean().yamlName());
        d.put("dist", spec.innovations().yamlName());
        d.put("output", output.yamlName());
        d.put("observations", fit.observations());
        List<Map<String, Object>> params = new ArrayList<>();
        for (int i = 0; i < fit.names().size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", fit.names().get(i));
            p.put("estimate", fit.estimates()[i]);
            p.put("standard_error", number(fit.standardErrors()[i]));
            p.put("robust_standard_error", number(fit.robustStandardErrors()[i]));
            params.add(p);
        }
        d.put("parameters", params);
        d.put("log_likelihood", fit.logLikelihood());
        d.put("aic", fit.aic());
        d.put("bic", fit.bic());
        d.put("persistence", number(fit.persistence()));
        d.put("half_life", number(fit.halfLife()));
        d.put("unconditional_variance", number(fit.unconditionalVariance()));
        d.put("initial_variance_rule", spec.initial().yamlName());
        d.put("initial_variance", fit.initialVariance());
        d.put("converged", fit.convergence().converged());
        d.put("on_boundary", fit.convergence().onBoundary());
        d.put("convergence", fit.convergence().message());
        d.put("evaluations", fit.convergence().evaluations());
        return Collections.unmodifiableMap(d);
    }

    /** Diagnostics are JSON: a non-finite number is written as a string. */
    private static Object number(double x) {
        return Double.isFinite(x) ? x : String.valueOf(x);
    }
}
