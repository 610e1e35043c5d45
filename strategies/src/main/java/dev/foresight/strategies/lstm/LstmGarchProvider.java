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
import dev.foresight.strategies.garch.LeverageTestedGarch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: lstm-garch}: the LSTM+GARCH hybrid of the course's Module 4 — the LSTM (every
 * {@code lstm} parameter) whose inputs are the experiment's features plus a GARCH model's
 * conditional volatility and standardised residuals. The GARCH is fit on each fold's training window
 * and filtered forward causally (the {@code garch} feature set, which the pipeline fits and
 * leakage-checks like any other); the LSTM is fit on the same fold's training rows.
 *
 * <p>{@code window} and {@code lstm_units} default to "auto": the course's network (window 60, LSTM
 * 128 → 64) for the regression and direction heads, where the LSTM is the course's; a small one
 * (window {@value #CORRECTION_WINDOW}, LSTM 16 → 8) for {@code head: volatility}, where the LSTM is
 * the correction of GARCH ({@link GarchCorrection}), Foresight's own design, fit on ~1,300 windows
 * (README, "LSTM models": the course's 117,619 parameters did not learn the asymmetry there, the
 * small network did).
 *
 * <p>{@code garch_variant} defaults to "auto": GARCH(1,1) for the input columns, and for {@code head:
 * volatility}'s base GARCH(1,1) or GJR, whichever a likelihood-ratio test of the leverage term on the
 * fold's training window supports ({@link LeverageTestedGarch}): the correction then learns what the
 * better-fitting base misses, instead of rebuilding an asymmetry the data already show.
 */
public final class LstmGarchProvider extends SimpleProvider<Model> {

    /** The course's network, for the regression and direction heads. */
    static final int COURSE_WINDOW = 60;
    static final List<Integer> COURSE_UNITS = List.of(128, 64);
    /** The volatility correction's network: small, since it learns a correction from ~1,300 windows. */
    static final int CORRECTION_WINDOW = 20;
    static final List<Integer> CORRECTION_UNITS = List.of(16, 8);
    /** The correction's ensemble: the mean of five small networks (one is noisy at this data size). */
    static final int CORRECTION_ENSEMBLE = 5;
    /** {@code garch_variant}'s default: GARCH(1,1), or for head volatility's base the leverage test's choice. */
    static final String AUTO = "auto";

    public LstmGarchProvider() {
        super(Model.class, "lstm-garch",
                "LSTM whose inputs include GARCH conditional volatility and standardised residuals (both fit per fold on"
                        + " training data); LSTM parameters as for lstm, GARCH via garch_variant / garch_dist; with"
                        + " head volatility the LSTM learns a correction of GARCH's own forecast",
                specs(), LstmGarchProvider::make);
    }

    private static List<ParameterSpec> specs() {
        List<ParameterSpec> out = new ArrayList<>();
        for (ParameterSpec s : LstmParameters.specs(COURSE_UNITS, false)) {
            if (s.name().equals("window")) {
                out.add(ParameterSpec.integer("window", 0, 0, 10_000, "time steps (bars) per input window; 0 = auto: "
                        + COURSE_WINDOW + " (the course's), " + CORRECTION_WINDOW + " for head volatility's correction"));
            } else if (s.name().equals("lstm_units")) {
                out.add(ParameterSpec.integers("lstm_units", List.of(0), 0, 4096, "units of each stacked LSTM layer;"
                        + " [0] = auto: " + COURSE_UNITS + " (the course's), " + CORRECTION_UNITS
                        + " for head volatility's correction"));
            } else if (s.name().equals("ensemble")) {
                out.add(ParameterSpec.integer("ensemble", 0, 0, 100, "networks trained from seeds seed, seed+1, ...;"
                        + " the forecast is their mean; 0 = auto: 1, " + CORRECTION_ENSEMBLE
                        + " for head volatility's correction"));
            } else {
                out.add(s);
            }
        }
        GarchFeaturesProvider garch = new GarchFeaturesProvider();
        for (ParameterSpec s : garch.parameters()) {
            if (s.name().equals("variant")) {
                List<String> choices = new ArrayList<>(List.of(AUTO));
                choices.addAll(s.choices());
                out.add(ParameterSpec.choice("garch_variant", AUTO, choices, "GARCH part: " + s.description()
                        + "; auto: garch, and for head volatility's base garch or gjr as a likelihood-ratio test of"
                        + " the leverage term on each fold's training window decides"));
            } else if (s.name().equals("dist")) {
                out.add(new ParameterSpec("garch_" + s.name(), s.type(), s.defaultValue(), s.min(), s.max(), s.choices(),
                        "GARCH part: " + s.description()));
            }
        }
        return List.copyOf(out);
    }

    private static Model make(Parameters p) {
        boolean correction = Head.of(p.text("head")) == Head.VOLATILITY;
        int window = p.integer("window");
        List<Integer> units = p.integers("lstm_units");
        if (units.contains(0) && !units.equals(List.of(0))) {
            throw p.error("lstm_units", "0 is only allowed alone ([0] = auto)");
        }
        int ensemble = p.integer("ensemble");
        LstmModel lstm = LstmParameters.model("lstm-garch", p, false,
                window > 0 ? window : correction ? CORRECTION_WINDOW : COURSE_WINDOW,
                !units.equals(List.of(0)) ? units : correction ? CORRECTION_UNITS : COURSE_UNITS,
                ensemble > 0 ? ensemble : correction ? CORRECTION_ENSEMBLE : 1);
        String variant = p.text("garch_variant");
        boolean tested = variant.equals(AUTO);
        Map<String, String> garchParameters = Map.of("variant", tested ? "garch" : variant, "dist", p.text("garch_dist"));
        GarchFeaturesProvider garch = new GarchFeaturesProvider();
        FeatureSet features = garch.create(Parameters.of(garch, garchParameters));
        if (correction) {
            GarchModelProvider provider = new GarchModelProvider();
            Model base = tested ? LeverageTestedGarch.of(garchParameters)
                    : provider.create(Parameters.of(provider, garchParameters));
            return new Hybrid(new GarchCorrection(lstm, base), features);
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
