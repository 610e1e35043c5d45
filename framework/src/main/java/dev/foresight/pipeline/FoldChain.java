package dev.foresight.pipeline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.PreviousFit;
import dev.foresight.walkforward.Fold;

/**
 * The folds of one pipeline run in order, for a model that {@linkplain
 * dev.foresight.model.Model#warmStarts() warm-starts}: each fold's fit is handed the fitted model
 * of the most recent earlier fold that fitted ({@link #previous()}), and nothing from a later
 * fold. For a model that does not warm-start {@link #previous()} is always null, so the folds stay
 * independent. Not thread-safe: a chain is one sequence of fits.
 *
 * <p>Use: for each fold in ascending order, fit with {@link #previous()} (e.g.
 * {@link FoldRunner#run(dev.foresight.data.MarketData, Pipeline, Fold, PreviousFit)}), then call
 * {@link #fitted} with the fold's fitted model; a fold that fails is simply not recorded, and the
 * next fold starts from the last one that fitted.
 */
public final class FoldChain {

    private final boolean warmStarts;
    private PreviousFit previous;
    private int lastFold = -1;

    public FoldChain(Pipeline pipeline) {
        this.warmStarts = pipeline.model().warmStarts();
    }

    /** Whether the folds depend on each other (the model warm-starts) and must run in order. */
    public boolean chained() {
        return warmStarts;
    }

    /**
     * What the next fold's fit starts from: null for the first fold, when no earlier fold fitted, or
     * when the model does not warm-start.
     */
    public PreviousFit previous() {
        return previous;
    }

    /**
     * Records that {@code fold} was run (its model is {@code model}, or null when the fit failed);
     * folds must come in ascending order.
     */
    public void fitted(Fold fold, FittedModel model) {
        if (fold.index() <= lastFold) {
            throw new IllegalArgumentException("folds must run in order: fold " + fold.index() + " after fold " + lastFold);
        }
        lastFold = fold.index();
        if (warmStarts && model != null) {
            previous = new PreviousFit(fold, model);
        }
    }
}
