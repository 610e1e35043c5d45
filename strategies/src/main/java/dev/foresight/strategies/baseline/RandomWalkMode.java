package dev.foresight.strategies.baseline;

import dev.foresight.model.Labels;
import java.util.List;
import java.util.Locale;

/**
 * What "no change" means for the target being forecast. {@link #AUTO} is resolved at fit time
 * from the training labels, so the default works for every built-in target.
 */
enum RandomWalkMode {
    /** Resolved at fit: labels all 0/1 ⇒ {@link #HALF}; all ≥ 0 ⇒ {@link #LAST}; otherwise {@link #ZERO}. */
    AUTO,
    /** Point 0: a change (log return) is expected to be zero. */
    ZERO,
    /** The latest label known at {@code t}: next close ⇒ close(t), realised volatility ⇒ persistence. */
    LAST,
    /** Point and probability of up 0.5: a coin flip, for direction targets. */
    HALF;

    static final List<String> CHOICES = List.of("auto", "zero", "last", "half");

    String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RandomWalkMode of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }

    /** The concrete mode for these training labels; direction is checked first since 0/1 are also ≥ 0. */
    static RandomWalkMode infer(double[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("random-walk: mode auto needs training labels to infer the target;"
                    + " there are no training rows");
        }
        if (Labels.directionCoded(labels)) {
            return HALF;
        }
        return LabelShape.nonNegative(labels) ? LAST : ZERO;
    }
}
