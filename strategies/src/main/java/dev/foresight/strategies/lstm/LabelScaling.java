package dev.foresight.strategies.lstm;

import java.util.Objects;

/**
 * The label transform of a head, fit on the training labels only: {@code (label − offset) / scale}
 * (after a log for the volatility head), inverted at predict. The framework scales features, never
 * labels, so the model does it itself.
 *
 * <p>Two fits: the course's min-max ({@code offset} = min, {@code scale} = max − min: labels in
 * [0, 1]) and standardisation ({@code offset} = mean, {@code scale} = standard deviation). For
 * returns the difference is large: min-max maps daily returns with fat tails into a band of width
 * ≈ 0.1 around 0.5 (one extreme day sets the range), so the part a model can predict is a tiny
 * share of an already tiny label variance, and the loss surface is nearly flat in the directions
 * that carry it; standardised labels have unit variance whatever the tails.
 *
 * @param method    which fit made it ("none", "minmax", "standard")
 * @param logarithm labels are log-transformed first (volatility head)
 * @param offset    subtracted from the (log) label
 * @param scale     the (log) label's difference from {@code offset} is divided by this, &gt; 0
 */
record LabelScaling(String method, boolean logarithm, double offset, double scale) {

    /** Volatility labels are floored here before the log: a σ of exactly 0 (a flat stretch) has no log. */
    static final double SMALLEST_VOLATILITY = 1e-8;

    LabelScaling {
        Objects.requireNonNull(method);
        if (!Double.isFinite(offset) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("label scaling needs a finite offset and a positive scale: " + offset
                    + ", " + scale);
        }
    }

    static LabelScaling identity() {
        return new LabelScaling("none", false, 0, 1);
    }

    /** The head's label scaling for the recipe: min-max for {@link Procedure.Recipe#KERAS}, else standardisation. */
    static LabelScaling fit(Head head, Procedure.Recipe recipe, double[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("no training labels to scale");
        }
        boolean log = head == Head.VOLATILITY;
        return switch (head) {
            case DIRECTION -> identity();
            case REGRESSION, VOLATILITY -> recipe == Procedure.Recipe.KERAS ? minMax(log, labels) : standard(log, labels);
            case AUTO -> throw new IllegalArgumentException("resolve the head before fitting the label scaling");
        };
    }

    private static double transformed(boolean log, double y) {
        return log ? Math.log(Math.max(y, SMALLEST_VOLATILITY)) : y;
    }

    private static LabelScaling minMax(boolean log, double[] labels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double y : labels) {
            double v = transformed(log, y);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new LabelScaling("minmax", log, lo, hi > lo ? hi - lo : 1.0);
    }

    private static LabelScaling standard(boolean log, double[] labels) {
        double mean = 0;
        for (double y : labels) {
            mean += transformed(log, y);
        }
        mean /= labels.length;
        double ss = 0;
        for (double y : labels) {
            double d = transformed(log, y) - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / labels.length);
        return new LabelScaling("standard", log, mean, sd > 0 ? sd : 1.0);
    }

    double apply(double label) {
        return (transformed(logarithm, label) - offset) / scale;
    }

    double invert(double output) {
        double v = output * scale + offset;
        return logarithm ? Math.exp(v) : v;
    }
}
