package dev.foresight.strategies.tribuo;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo regression model fitted on standardised labels: forecast = {@code mean + sd × output}.
 * When the training labels were all 0/1 (a direction target) the forecast, clipped to [0, 1], is
 * also the probability of up — a linear-probability reading, as the {@code ar} baseline does.
 * Immutable: Tribuo models are not changed after training.
 */
final class FittedRegressor implements FittedModel {

    private final String name;
    private final Model<Regressor> model;
    private final LabelScale scale;
    private final boolean binary;
    private final List<String> features;
    private final Map<String, Object> diagnostics;

    FittedRegressor(String name, Model<Regressor> model, LabelScale scale, boolean binary, List<String> features,
                    Map<String, Object> extra) {
        this.name = name;
        this.model = model;
        this.scale = scale;
        this.binary = binary;
        this.features = List.copyOf(features);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("task", "regression");
        d.put("label_mean", scale.mean());
        d.put("label_sd", scale.sd());
        d.putAll(extra);
        d.put("provenance", Provenances.describe(model));
        this.diagnostics = Collections.unmodifiableMap(d);
    }

    @Override
    public Forecast[] predict(ModelData data) {
        Examples.requireFittedFeatures(name, features, data);
        List<Prediction<Regressor>> predictions = model.predict(Examples.regressionInputs(name, data));
        Forecast[] out = new Forecast[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            double z = predictions.get(i).getOutput().getValues()[0];
            double point = scale.fromStandard(z);
            if (!Double.isFinite(point)) {
                throw new IllegalArgumentException(name + " forecast " + point + " at bar " + data.rows()[i]);
            }
            out[i] = new Forecast(point, binary ? Math.min(1, Math.max(0, point)) : Double.NaN, Double.NaN);
        }
        return out;
    }

    @Override
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }
}
