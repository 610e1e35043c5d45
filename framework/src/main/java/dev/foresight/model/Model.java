package dev.foresight.model;

import dev.foresight.scaling.ScalingMethod;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A forecasting method, like Tribuo's {@code Trainer}: {@link #fit} learns from training rows
 * and returns an immutable {@link FittedModel}. Same inputs and seed ⇒ identical forecasts.
 *
 * <p>Each fold is fit afresh unless the model {@linkplain #warmStarts() warm-starts}: then the
 * framework runs the folds of the pipeline in order and fits fold k with
 * {@link #fit(ModelData, ModelData, long, PreviousFit)}, handing it the fitted model of the
 * previous fold, so fold k's fit is a deterministic function of folds 0..k.
 */
public interface Model {

    /**
     * Learns from {@code train.rows()}; {@code validation} (possibly with no rows) is the purged
     * tail of the training window, for early stopping.
     */
    FittedModel fit(ModelData train, ModelData validation, long seed);

    /**
     * Whether this model starts each fold from the previous fold's fitted model (a configuration
     * option such as the LSTM's {@code warm_start: true}; false by default). When true, the
     * framework fits the folds of a pipeline in order, one after the other, and calls
     * {@link #fit(ModelData, ModelData, long, PreviousFit)}; the model should record in its
     * {@linkplain FittedModel#diagnostics() diagnostics} that it warm-started and from which fold.
     */
    default boolean warmStarts() {
        return false;
    }

    /**
     * Like {@link #fit(ModelData, ModelData, long)}, starting from an earlier fold's fit. Called
     * only for a model that {@linkplain #warmStarts() warm-starts}; the default ignores
     * {@code previous}.
     *
     * @param previous the fitted model of the same pipeline on the preceding fold (the most recent
     *                 earlier fold whose fit succeeded), trained only on data up to that fold's
     *                 training end — before this fold's — so it carries no look-ahead; null for
     *                 the first fold, or when no earlier fold fitted. Must not be modified.
     */
    default FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
        return fit(train, validation, seed);
    }

    /**
     * The fit with its whole {@link FitContext}: the one the framework should call. Models that
     * report progress ({@link FitProgress}) override this; the default ignores the listener and
     * calls {@link #fit(ModelData, ModelData, long, PreviousFit)} for a model that {@linkplain
     * #warmStarts() warm-starts}, {@link #fit(ModelData, ModelData, long)} for one that does not
     * (which is never handed a previous fit, not even a null one).
     */
    default FittedModel fit(ModelData train, ModelData validation, FitContext context) {
        return warmStarts() ? fit(train, validation, context.seed(), context.previous())
                : fit(train, validation, context.seed());
    }

    /**
     * Whether {@link #fit} reads the validation tail ({@code walk_forward.validation}): early
     * stopping, choosing the best epoch. False by default: the framework then fits the model on the
     * whole training window and hands it no validation rows, since a tail the model ignores would
     * only shorten its fitting window (an AR fit on 857 bars instead of 1,008). Return true only
     * when the validation rows change the fit; the task file's fold records which window was used.
     */
    default boolean usesValidation() {
        return false;
    }

    /**
     * Refuses, before any fold runs, data this model's {@link #fit} is certain to refuse for a reason
     * that needs no fitting: a feature column it reads that the experiment does not provide, a target
     * whose labels it cannot forecast. {@code foresight validate} and {@code run} call it on each
     * model's first fold, so such a batch is a located error in seconds instead of every fold failing
     * after the others have trained. The default accepts everything.
     *
     * @param train the first fold's fitting rows, features computed and scaled as {@link #fit} would see them
     * @throws IllegalArgumentException saying what is wrong and how to fix it in the batch
     */
    default void preflight(ModelData train) {
    }

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
    default List<dev.foresight.feature.FeatureSet> requiredFeatures() {
        return List.of();
    }

    /**
     * A position this model always takes, whatever the strategy (buy-and-hold: +1); empty for
     * models whose forecasts drive a strategy.
     */
    default OptionalDouble fixedPosition() {
        return OptionalDouble.empty();
    }
}
