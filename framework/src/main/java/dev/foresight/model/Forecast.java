package dev.foresight.model;

/**
 * A model's forecast for one bar: a point value in the target's units, and where the model has
 * them, the probability that the price goes up and a forecast variance (NaN when absent).
 */
public record Forecast(double point, double probabilityUp, double variance) {

    public Forecast {
        if (Double.isNaN(point)) {
            throw new IllegalArgumentException("a forecast needs a point value");
        }
        if (!Double.isNaN(probabilityUp) && (probabilityUp < 0 || probabilityUp > 1)) {
            throw new IllegalArgumentException("probability of up must be in [0, 1], got " + probabilityUp);
        }
        if (!Double.isNaN(variance) && variance < 0) {
            throw new IllegalArgumentException("variance cannot be negative, got " + variance);
        }
    }

    public static Forecast point(double value) {
        return new Forecast(value, Double.NaN, Double.NaN);
    }
}
