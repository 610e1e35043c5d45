package dev.foresight.result;

/**
 * The outcome of one leakage check on one task: which check, whether it passed, the plugin it
 * blames (a feature set, regime detector, model, target or the walk-forward plan) and the evidence
 * — the bar, column and the two values that differ.
 */
public record CheckOutcome(String check, CheckStatus status, String plugin, String evidence) {

    public static final String FOLD_INTEGRITY = "fold-integrity";
    public static final String TRUNCATION = "truncation-invariance";
    public static final String PERTURBATION = "future-perturbation";
    public static final String CANARY = "null-canary";
    public static final String IMPLAUSIBLE = "implausibility";

    /** Shorthands for the {@link CheckStatus} values, as the checks name them. */
    public static final CheckStatus PASSED = CheckStatus.PASSED;
    public static final CheckStatus FAILED = CheckStatus.FAILED;
    public static final CheckStatus WARNING = CheckStatus.WARNING;

    public CheckOutcome {
        if (check == null || status == null) {
            throw new IllegalArgumentException("check and status are required");
        }
        plugin = plugin == null ? "" : plugin;
    }

    public static CheckOutcome passed(String check, String evidence) {
        return new CheckOutcome(check, PASSED, "", evidence);
    }

    public static CheckOutcome failed(String check, String plugin, String evidence) {
        return new CheckOutcome(check, FAILED, plugin, evidence);
    }

    public boolean failed() {
        return status == CheckStatus.FAILED;
    }

    /** {@code check failed for PLUGIN: evidence}. */
    public String describe() {
        return check + " " + status + (plugin.isEmpty() ? "" : " for " + plugin) + ": " + evidence;
    }
}
