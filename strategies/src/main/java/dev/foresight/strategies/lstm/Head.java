package dev.foresight.strategies.lstm;

import dev.foresight.model.Labels;
import java.util.List;
import java.util.Locale;

/**
 * What the network's last layer predicts and which loss trains it. {@link #AUTO} is resolved at fit
 * time from the training labels: all 0/1 ⇒ {@link #DIRECTION}, otherwise {@link #REGRESSION}
 * (a positive realised-volatility target is not told apart from a price: ask for
 * {@code head: volatility} explicitly).
 */
enum Head {
    AUTO,
    /** Identity output, MSE on min-max-scaled labels (fit on the training labels), inverted at predict. */
    REGRESSION,
    /** Sigmoid output, binary cross-entropy on 0/1 labels; the forecast is the probability of up. */
    DIRECTION,
    /**
     * Identity output, MSE on min-max-scaled log(σ); the forecast is exp of the inverted output, so
     * it is positive by construction. Log rather than σ² because volatility is roughly log-normal:
     * MSE on log σ does not let a few turbulent days dominate the fit.
     */
    VOLATILITY;

    static final List<String> CHOICES = List.of("auto", "regression", "direction", "volatility");

    static Head of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }

    String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The concrete head for these training labels. */
    Head resolve(double[] labels) {
        if (this != AUTO) {
            return this;
        }
        return Labels.directionCoded(labels) ? DIRECTION : REGRESSION;
    }
}
