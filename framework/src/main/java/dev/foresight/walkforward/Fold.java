package dev.foresight.walkforward;

/**
 * One walk-forward fold, in bar indices (all inclusive). The training window is
 * {@code trainStart..trainEnd}; when a validation tail is used it is
 * {@code validationStart..trainEnd} and the model is fit on {@code trainStart..fitEnd}, purged so
 * that no fitting label reaches into validation. Forecasts are made at {@code testStart..testEnd}.
 *
 * <p>Invariant (checked here): with horizon {@code h} and embargo {@code e},
 * {@code testStart - trainEnd ≥ h + e} — the label of the last training row (bars
 * {@code trainEnd+1..trainEnd+h}) ends no later than the first test bar, so no training label
 * overlaps a test label — and {@code validationStart - fitEnd ≥ h} when there is validation.
 */
public record Fold(int index, int trainStart, int fitEnd, int validationStart, int trainEnd, int testStart, int testEnd,
                   int horizon, int embargo) {

    /** Marks a fold without a validation tail. */
    public static final int NO_VALIDATION = -1;

    public Fold {
        if (index < 0 || trainStart < 0) {
            throw new IllegalArgumentException("fold index and training start cannot be negative");
        }
        if (fitEnd < trainStart) {
            throw new IllegalArgumentException("fold " + index + ": fitting rows " + trainStart + ".." + fitEnd + " are empty");
        }
        if (validationStart == NO_VALIDATION) {
            if (fitEnd != trainEnd) {
                throw new IllegalArgumentException("fold " + index + ": without validation the model fits the whole training window");
            }
        } else if (validationStart - fitEnd < horizon || validationStart > trainEnd) {
            throw new IllegalArgumentException("fold " + index + ": validation must start at least horizon (" + horizon
                    + ") bars after the last fitting row " + fitEnd + " and end at " + trainEnd + ", got start "
                    + validationStart);
        }
        if (testStart - trainEnd < horizon + embargo) {
            throw new IllegalArgumentException("fold " + index + ": the first test bar " + testStart
                    + " must be at least horizon + embargo = " + (horizon + embargo) + " bars after the last training row "
                    + trainEnd);
        }
        if (testEnd < testStart) {
            throw new IllegalArgumentException("fold " + index + ": empty test block " + testStart + ".." + testEnd);
        }
    }

    public boolean hasValidation() {
        return validationStart != NO_VALIDATION;
    }

    /**
     * The same fold with no validation tail: the model fits the whole training window
     * {@code trainStart..trainEnd} (no purge is needed: the last training label ends at
     * {@code trainEnd + horizon}, which the fold's own invariant keeps before the test block).
     * Returns this fold when it has no validation tail.
     */
    public Fold withoutValidation() {
        return hasValidation() ? new Fold(index, trainStart, trainEnd, NO_VALIDATION, trainEnd, testStart, testEnd,
                horizon, embargo) : this;
    }

    /** Rows the model is fit on. */
    public int[] fitRows() {
        return range(trainStart, fitEnd);
    }

    /** Validation rows (empty without a validation tail). */
    public int[] validationRows() {
        return hasValidation() ? range(validationStart, trainEnd) : new int[0];
    }

    public int[] testRows() {
        return range(testStart, testEnd);
    }

    /** Bars of training data the fold may see: the training window plus the bars its labels use. */
    public int lastTrainingBar() {
        return trainEnd + horizon;
    }

    public int testSize() {
        return testEnd - testStart + 1;
    }

    static int[] range(int from, int to) {
        int[] out = new int[Math.max(0, to - from + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
