package dev.foresight.leakage;

/**
 * How much checking each experiment gets. Fold integrity and implausibility flags always run.
 *
 * @param truncationSamples test bars per fold whose forecast is recomputed on history cut at the bar
 *                          (every test bar when the fold has at most this many; else a stratified
 *                          sample of this many that includes the first and last; 0 = off). Features
 *                          and regime labels are recomputed on every test bar whenever it is not 0
 * @param perturbFolds      folds per model (the first ones) refit with the future scrambled (0 = off),
 *                          or {@link #AUTO}: the first fold, with the model refit only when the
 *                          experiment has at least {@link #AUTO_MIN_FOLDS} folds — one extra fit is
 *                          then at most a quarter of the model's fits, the checks' time budget —
 *                          and its inputs only otherwise
 * @param canary            also run the pipeline on a random-walk surrogate (opt-in: doubles the cost)
 */
public record LeakageSettings(int truncationSamples, int perturbFolds, boolean canary) {

    /** {@code perturb_folds: auto}. */
    public static final int AUTO = -1;
    public static final int AUTO_MIN_FOLDS = 4;
    /** Default budget of forecasts recomputed per fold: a year of daily bars, so most folds are covered whole. */
    public static final int DEFAULT_MODEL_BARS = 260;

    public static final LeakageSettings DEFAULT = new LeakageSettings(DEFAULT_MODEL_BARS, AUTO, false);

    public LeakageSettings {
        if (truncationSamples < 0 || perturbFolds < AUTO) {
            throw new IllegalArgumentException("truncation_samples and perturb_folds cannot be negative");
        }
    }

    /** Whether fold {@code index} of {@code folds} is perturbed, and whether its model is refit then. */
    public boolean perturbs(int index) {
        return perturbFolds == AUTO ? index == 0 : index < perturbFolds;
    }

    public boolean refitsModel(int folds) {
        return perturbFolds != AUTO || folds >= AUTO_MIN_FOLDS;
    }

    /** The YAML form: a number, or "auto". */
    public Object perturbFoldsText() {
        return perturbFolds == AUTO ? "auto" : perturbFolds;
    }
}
