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
import org.tribuo.classification.Label;

/**
 * A Tribuo up/down classifier: the forecast's point and probability of up are both the model's
 * probability of label {@code "1"}, so direction metrics (Brier score, hit rate at 0.5) apply.
 */
final class FittedClassifier implements FittedModel {

    private final String name;
    private final Model<Label> model;
    private final List<String> features;
    private final Map<String, Object> diagnostics;

    FittedClassifier(String name, Model<Label> model, List<String> features, double trainingUpShare,
                     Map<String, Object> extra) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException(name + ": the Tribuo model " + model.getClass().getSimpleName()
                    + " gives no probabilities");
        }
        this.name = name;
        this.model = model;
        this.features = List.copyOf(features);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("task", "classification");
        d.put("training_up_share", trainingUpShare);
        d.putAll(extra);
        d.put("provenance", Provenances.describe(model));
        this.diagnostics = Collections.unmodifiableMap(d);
    }

    @Override
    public Forecast[] predict(ModelData data) {
        Examples.requireFittedFeatures(name, features, data);
        List<Prediction<Label>> predictions = model.predict(Examples.classificationInputs(name, data));
        Forecast[] out = new Forecast[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            Label up = predictions.get(i).getOutputScores().get(Examples.UP);
            if (up == null) {
                throw new IllegalStateException(name + ": the classifier has no score for label 1");
            }
            // softmax rounding can leave 1 + 1e-16; the probability is clamped, never rescaled
            double p = Math.min(1, Math.max(0, up.getScore()));
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException(name + " gave probability " + up.getScore() + " at bar "
                        + data.rows()[i]);
            }
            out[i] = new Forecast(p, p, Double.NaN);
        }
        return out;
    }

    @Override
    public Map<String, Object> diagnostics() {
        return diagnostics;
    }
}
