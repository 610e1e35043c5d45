package dev.foresight.model;

import java.util.Objects;

/**
 * Everything a fit gets besides its data: the seed, the previous fold's fit for a warm-starting
 * model, and where to report progress. Passed explicitly (no global listener), so two folds
 * training at once in two threads report to their own task's line.
 *
 * @param seed     the fit's seed
 * @param previous the earlier fold's fit for a {@linkplain Model#warmStarts() warm-starting} model, else null
 * @param progress where the model reports epochs; {@link FitProgress#NONE} to ignore them
 */
public record FitContext(long seed, PreviousFit previous, FitProgress progress) {

    public FitContext {
        Objects.requireNonNull(progress, "progress (use FitProgress.NONE)");
    }

    /** A fit from scratch that nobody watches. */
    public static FitContext of(long seed) {
        return new FitContext(seed, null, FitProgress.NONE);
    }
}
