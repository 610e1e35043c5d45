package dev.foresight.strategies.tribuo;

import dev.foresight.model.Labels;
import java.util.List;
import java.util.Locale;

/** What an {@code xgboost} model learns; {@link #AUTO} is resolved from the training labels. */
enum XgboostTask {
    /** Classification when every training label is 0 or 1 (a direction target), else regression. */
    AUTO,
    /** Squared-error boosting of the label. */
    REGRESSION,
    /** Softmax boosting of up (1) vs down (0); the forecast is P(up). */
    CLASSIFICATION;

    static final List<String> CHOICES = List.of("auto", "regression", "classification");

    static XgboostTask of(String yamlName) {
        return valueOf(yamlName.toUpperCase(Locale.ROOT));
    }

    XgboostTask resolve(double[] labels) {
        if (this != AUTO) {
            return this;
        }
        return Labels.directionCoded(labels) ? CLASSIFICATION : REGRESSION;
    }
}
