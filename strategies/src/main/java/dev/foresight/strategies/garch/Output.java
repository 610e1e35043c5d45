package dev.foresight.strategies.garch;

import dev.foresight.model.Labels;
import java.util.List;
import java.util.Locale;

/**
 * What the {@code garch} model forecasts. {@link #AUTO} is resolved at fit time from the training
 * labels (a model is not told the target): labels all ≥ 0 and not all 0/1 ⇒ {@link #VOLATILITY}
 * (a realised-volatility target); signed labels ⇒ {@link #MEAN} (a return target); 0/1 labels (a
 * direction target) are refused.
 */
enum Output {
    AUTO,
    /** √((1/h) Σ_k E[r(t+k)²]): the forecast RMS of the next h returns, the realised-vol label's units. */
    VOLATILITY,
    /** Σ_k E[r(t+k)]: the h-bar log return, with the variance Σ_k E σ²(t+k). A baseline for return targets. */
    MEAN;

    static final List<String> CHOICES = List.of("auto", "volatility", "mean");

    String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Output of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }

    static Output infer(double[] labels) {
        boolean nonNegative = labels.length > 0;
        for (double y : labels) {
            nonNegative &= y >= 0;
        }
        if (Labels.directionCoded(labels)) {
            throw new IllegalArgumentException("garch: the training labels are all 0/1 (a direction target); GARCH"
                    + " forecasts volatility (realised-vol target) or the mean return (log-return target)");
        }
        return nonNegative ? VOLATILITY : MEAN;
    }
}
