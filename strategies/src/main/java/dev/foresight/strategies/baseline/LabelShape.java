package dev.foresight.strategies.baseline;

/**
 * What the training labels say about the target, since a model is not told the target's kind.
 * Direction targets label bars 1 (up) or 0 (down); no other target produces only those values in
 * practice (returns are signed reals, volatilities and prices are positive reals).
 */
final class LabelShape {

    private LabelShape() {
    }

    /** Whether every label is ≥ 0: a level (price, volatility) rather than a signed change. */
    static boolean nonNegative(double[] labels) {
        if (labels.length == 0) {
            return false;
        }
        for (double y : labels) {
            if (!(y >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Fails when a training label is NaN or infinite, naming the model and the bar. */
    static void requireFinite(String model, int[] rows, double[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (!Double.isFinite(labels[i])) {
                throw new IllegalArgumentException(model + ": the training label of bar " + rows[i] + " is "
                        + labels[i] + "; every training row needs a finite label");
            }
        }
    }
}
