package dev.foresight.result;

/**
 * The outcome of one leakage check on one task: which check, whether it passed, the plugin it
 * blames (a feature set, regime detector, model, target or the walk-forward plan) and the evidence
 * — the bar, column and the two values that differ.
 */
public record CheckOutcome(String check, String status, String plugin, String evidence) {

    public static final String FOLD_INTEGRITY = "fold-integrity";
    public static final String TRUNCATION = "truncation-invariance";
    public static final String PERTURBATION = "future-perturbation";
    public static final String CANARY = "null-canary";
    public static final String IMPLAUSIBLE = "implausibility";

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String WARNING = "warning";

    public CheckOutcome {
        if (!PASSED.equals(status) && !FAILED.equals(status) && !WARNING.equals(status)) {
            throw new IllegalArgumentException("status is passed, failed or warning, got " + status);
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
        return FAILED.equals(status);
    }

    /** {@code check failed for PLUGIN: evidence}. */
    public String describe() {
        return check + " " + status + (plugin.isEmpty() ? "" : " for " + plugin) + ": " + evidence;
    }
}
