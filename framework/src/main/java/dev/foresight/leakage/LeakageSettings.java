package dev.foresight.leakage;

/**
 * How much checking each experiment gets. Fold integrity and implausibility flags always run.
 *
 * @param truncationSamples test bars per fold recomputed on history cut at the bar (0 = off)
 * @param perturbFolds      folds per model (the first ones) refit with the future scrambled (0 = off);
 *                          each costs one extra fit, so the default of 1 keeps the overhead to one
 *                          fit per model whatever the number of folds
 * @param canary            also run the pipeline on a random-walk surrogate (opt-in: doubles the cost)
 */
public record LeakageSettings(int truncationSamples, int perturbFolds, boolean canary) {

    public static final LeakageSettings DEFAULT = new LeakageSettings(5, 1, false);

    public LeakageSettings {
        if (truncationSamples < 0 || perturbFolds < 0) {
            throw new IllegalArgumentException("truncation_samples and perturb_folds cannot be negative");
        }
    }
}
