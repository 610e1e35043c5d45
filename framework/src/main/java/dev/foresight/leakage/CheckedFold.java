package dev.foresight.leakage;

import dev.foresight.model.FitProgress;
import dev.foresight.model.PreviousFit;
import dev.foresight.walkforward.Fold;

/**
 * One fold to run with its checks ({@link CheckedFoldRunner#run}): the fold (which carries its own
 * horizon and embargo), the plan of checks, the task's seed, and how the task is run.
 *
 * @param previous  an earlier fold's fit a warm-starting model starts from; null for a fresh fit
 * @param isolation how the checks' recomputations are kept apart from the task; null for none
 *                  (the checks recompute with the task's own plugin instances: single-check tests)
 * @param progress  where the task's own fit reports its epochs (the checks' refits report nothing)
 */
public record CheckedFold(Fold fold, CheckPlan plan, long seed, PreviousFit previous, Isolation isolation,
                          FitProgress progress) {

    public CheckedFold {
        if (fold == null || plan == null || progress == null) {
            throw new IllegalArgumentException("a checked fold needs its fold, check plan and progress listener");
        }
    }

    /** A fresh fit, no class isolation, no progress: how the framework's own tests run a fold. */
    public static CheckedFold of(Fold fold, CheckPlan plan, long seed) {
        return new CheckedFold(fold, plan, seed, null, null, FitProgress.NONE);
    }

    /** The same, fit from {@code previous} (a warm-start chain's earlier fold). */
    public CheckedFold from(PreviousFit previous) {
        return new CheckedFold(fold, plan, seed, previous, isolation, progress);
    }
}
