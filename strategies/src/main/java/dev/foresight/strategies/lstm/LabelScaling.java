package dev.foresight.strategies.lstm;

/**
 * The label transform of a head, fit on the training labels only: the framework scales features,
 * never labels, but the course also min-max scales its target (the close), so the model does it
 * itself and inverts it at predict.
 *
 * @param logarithm labels are log-transformed before the min-max step (volatility head)
 * @param min       minimum of the (log) training labels; 0 for the identity
 * @param range     max − min, or 1 when the labels are constant or for the identity
 */
record LabelScaling(boolean logarithm, double min, double range) {

    /** Volatility labels are floored here before the log: a σ of exactly 0 (a flat stretch) has no log. */
    static final double SMALLEST_VOLATILITY = 1e-8;

    LabelScaling {
        if (!Double.isFinite(min) || !(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("label scaling needs a finite min and a positive range: " + min + ", " + range);
        }
    }

    static LabelScaling identity() {
        return new LabelScaling(false, 0, 1);
    }

    static LabelScaling fit(Head head, double[] labels) {
        return switch (head) {
            case DIRECTION -> identity();
            case REGRESSION -> minMax(false, labels);
            case VOLATILITY -> minMax(true, labels);
            case AUTO -> throw new IllegalArgumentException("resolve the head before fitting the label scaling");
        };
    }

    private static LabelScaling minMax(boolean log, double[] labels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double y : labels) {
            double v = log ? Math.log(Math.max(y, SMALLEST_VOLATILITY)) : y;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no training labels to scale");
        }
        return new LabelScaling(log, lo, hi > lo ? hi - lo : 1.0);
    }

    double apply(double label) {
        double v = logarithm ? Math.log(Math.max(label, SMALLEST_VOLATILITY)) : label;
        return (v - min) / range;
    }

    double invert(double output) {
        double v = output * range + min;
        return logarithm ? Math.exp(v) : v;
    }
}
