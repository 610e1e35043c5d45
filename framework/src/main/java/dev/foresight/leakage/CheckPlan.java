package dev.foresight.leakage;

import dev.foresight.walkforward.Fold;

/**
 * Which leakage checks a fold gets, and with which seed: the one place that decides it, for a run
 * ({@link #forRun}) and for {@code foresight check} ({@link #forCheckCommand}, which runs the
 * model checks on the first fold only but must examine the same bars as the run does there).
 * Fold integrity, the look-ahead record and the static-state watch run on every fold; these are
 * the checks with a budget.
 *
 * @param settings the experiment's {@code leakage} settings as this plan applies them
 * @param folds    the experiment's number of folds (the model's perturbation refit depends on it)
 */
public record CheckPlan(LeakageSettings settings, int folds) {

    public CheckPlan {
        if (settings == null || folds < 1) {
            throw new IllegalArgumentException("a check plan needs settings and at least one fold");
        }
    }

    /** A run's plan: the experiment's settings over its {@code folds} folds. */
    public static CheckPlan forRun(LeakageSettings settings, int folds) {
        return new CheckPlan(settings, folds);
    }

    /**
     * {@code foresight check}'s plan for a model on its first fold: truncation on the run's bars of
     * that fold (the run's budget; at least one bar, as a linter checks even when the run would not)
     * and the future perturbation with the model refit.
     */
    public static CheckPlan forCheckCommand(LeakageSettings settings) {
        return new CheckPlan(new LeakageSettings(Math.max(1, settings.truncationSamples()), 1, false), 1);
    }

    /** Whether check 2 (truncation invariance) runs at all. */
    public boolean truncates() {
        return settings.truncationSamples() > 0;
    }

    /** The test bars of {@code fold} whose forecasts are recomputed ({@link TruncationInvariance#modelBars}). */
    public int[] forecastBars(Fold fold) {
        return TruncationInvariance.modelBars(fold, settings.truncationSamples());
    }

    /** Whether check 3 (future perturbation) runs on {@code fold}. */
    public boolean perturbs(Fold fold) {
        return settings.perturbs(fold.index());
    }

    /** Whether check 3 refits the model too (else the inputs only). */
    public boolean refitsModel() {
        return settings.refitsModel(folds);
    }

    /**
     * Whether {@code foresight check}'s inputs-only pass perturbs {@code fold}: where a run would,
     * and always on the first fold (the command trains no model, so the inputs' refit is cheap).
     */
    public static boolean checkCommandPerturbsInputs(LeakageSettings settings, Fold fold) {
        return settings.perturbs(fold.index()) || fold.index() == 0;
    }

    /**
     * The seed of the scrambled future of check 3: the task's own seed, so a rerun scrambles the
     * same way and the check's outcome is reproducible.
     */
    public static long perturbationSeed(long taskSeed) {
        return taskSeed;
    }
}
