package dev.foresight.strategies.lstm;

import dev.foresight.feature.FeatureSet;
import dev.foresight.model.FitContext;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategies.garch.GarchFeaturesProvider;
import dev.foresight.strategies.garch.GarchModelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: lstm-garch}: the LSTM+GARCH hybrid of the course's Module 4 — the LSTM (every
 * {@code lstm} parameter) whose inputs are the experiment's features plus a GARCH model's
 * conditional volatility and standardised residuals. The GARCH is fit on each fold's training window
 * and filtered forward causally (the {@code garch} feature set, which the pipeline fits and
 * leakage-checks like any other); the LSTM is fit on the same fold's training rows.
 */
public final class LstmGarchProvider extends SimpleProvider<Model> {

    public LstmGarchProvider() {
        super(Model.class, "lstm-garch",
                "LSTM whose inputs include GARCH conditional volatility and standardised residuals (both fit per fold on"
                        + " training data); LSTM parameters as for lstm, GARCH via garch_variant / garch_dist",
                specs(), LstmGarchProvider::make);
    }

    private static List<ParameterSpec> specs() {
        List<ParameterSpec> out = new ArrayList<>(LstmParameters.specs(List.of(128, 64), false));
        GarchFeaturesProvider garch = new GarchFeaturesProvider();
        for (ParameterSpec s : garch.parameters()) {
            if (s.name().equals("variant") || s.name().equals("dist")) {
                out.add(new ParameterSpec("garch_" + s.name(), s.type(), s.defaultValue(), s.min(), s.max(), s.choices(),
                        "GARCH part: " + s.description()));
            }
        }
        return List.copyOf(out);
    }

    private static Model make(Parameters p) {
        LstmModel lstm = LstmParameters.model("lstm-garch", p, false);
        Map<String, String> garchParameters = Map.of("variant", p.text("garch_variant"), "dist", p.text("garch_dist"));
        GarchFeaturesProvider garch = new GarchFeaturesProvider();
        FeatureSet features = garch.create(Parameters.of(garch, garchParameters));
        if (lstm.settings().head() == Head.VOLATILITY) {
            GarchModelProvider base = new GarchModelProvider();
            return new Hybrid(new GarchCorrection(lstm, base.create(Parameters.of(base, garchParameters))), features);
        }
        return new Hybrid(lstm, features);
    }

    /**
     * The LSTM (regression and direction heads: GARCH's columns as extra inputs) or, with {@code head:
     * volatility}, the LSTM's correction of GARCH's own forecast ({@link GarchCorrection}), with the
     * GARCH feature set it requires.
     */
    record Hybrid(Model lstm, FeatureSet garchFeatures) implements Model {

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed) {
            return lstm.fit(train, validation, seed);
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, FitContext context) {
            return lstm.fit(train, validation, context);
        }

        @Override
        public boolean warmStarts() {
            return lstm.warmStarts();
        }

        @Override
        public boolean usesValidation() {
            return lstm.usesValidation();
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
            return lstm.fit(train, validation, seed, previous);
        }

        @Override
        public int window() {
            return lstm.window();
        }

        @Override
        public ScalingMethod defaultScaling() {
            return lstm.defaultScaling();
        }

        @Override
        public void preflight(ModelData train) {
            lstm.preflight(train);
        }

        @Override
        public List<FeatureSet> requiredFeatures() {
            return List.of(garchFeatures);
        }
    }
}
