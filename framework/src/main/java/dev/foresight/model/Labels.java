package dev.foresight.model;

/**
 * How a model reads its training labels: a model is not told the target's kind, so labels that are
 * all 0 or 1 are a direction target's (forecasts are then probabilities of up). The one definition,
 * shared by the built-in models and by the pipeline, which refuses a fold of a continuous target
 * whose labels happen to look like that (a flat price series).
 */
public final class Labels {

    private Labels() {
    }

    /** Whether there is a label and every label is 0 or 1: what models take for a direction target's labels. */
    public static boolean directionCoded(double[] labels) {
        for (double y : labels) {
            if (y != 0.0 && y != 1.0) {
                return false;
            }
        }
        return labels.length > 0;
    }
}
