package dev.foresight.model;

import java.util.Map;

/** A trained, immutable model. */
public interface FittedModel {

    /**
     * One forecast per entry of {@code data.rows()}. The forecast at row {@code t} may use feature
     * rows and labels known at the close of {@code t} only (see {@link ModelData#labelKnownAt}).
     */
    Forecast[] predict(ModelData data);

    /** What the fit found, for the result file: coefficients, epochs, losses. Values must be JSON-able. */
    default Map<String, Object> diagnostics() {
        return Map.of();
    }
}
