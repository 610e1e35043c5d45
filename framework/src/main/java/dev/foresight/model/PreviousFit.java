package dev.foresight.model;

import dev.foresight.walkforward.Fold;
import java.util.Objects;

/**
 * What a warm-starting model ({@link Model#warmStarts()}) starts a fold from: the fitted model of
 * the same pipeline on an earlier fold, and that fold. The framework hands over the most recent
 * earlier fold whose fit succeeded (the preceding fold, unless it failed); that model was trained
 * only on bars up to {@code fold.lastTrainingBar()}, which is no later than the current fold's
 * last training bar, so starting from it brings in nothing from the future.
 *
 * @param fold  the earlier fold the model was fitted on
 * @param model its fitted model: read it, never change it (it is that fold's result, and the
 *              leakage checks refit the current fold from the same one)
 */
public record PreviousFit(Fold fold, FittedModel model) {

    public PreviousFit {
        Objects.requireNonNull(fold);
        Objects.requireNonNull(model);
    }
}
