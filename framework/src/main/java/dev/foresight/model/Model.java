package dev.foresight.model;

import dev.foresight.scaling.ScalingMethod;

/**
 * A forecasting method, like Tribuo's {@code Trainer}: {@link #fit} learns from training rows
 * and returns an immutable {@link FittedModel}. Same inputs and seed ⇒ identical forecasts.
 */
public interface Model {

    /**
     * Learns from {@code train.rows()}; {@code validation} (possibly with no rows) is the purged
     * tail of the training window, for early stopping.
     */
    FittedModel fit(ModelData train, ModelData validation, long seed);

    /** Rows of history per forecast; sequence models need more than 1. */
    default int window() {
        return 1;
    }

    /** How the framework should scale features for this model unless the YAML says otherwise. */
    default ScalingMethod defaultScaling() {
        return ScalingMethod.NONE;
    }

    /**
     * Feature sets this model needs whatever the experiment configures (a hybrid's GARCH features,
     * say). The pipeline fits them per fold like the experiment's own, after them, so they are
     * leakage-checked the same way.
     */
    default java.util.List<dev.foresight.feature.FeatureSet> requiredFeatures() {
        return java.util.List.of();
    }

    /**
     * A position this model always takes, whatever the strategy (buy-and-hold: +1); empty for
     * models whose forecasts drive a strategy.
     */
    default java.util.OptionalDouble fixedPosition() {
        return java.util.OptionalDouble.empty();
    }
}
