package dev.foresight.statistics;

/**
 * Per-bar loss of a forecast against what happened, the input of the model confidence set and the
 * SPA test. Which loss fits which target is a convention (README, "Conventions"): squared error for
 * returns and prices, QLIKE for volatility, Brier (squared error of P(up)) or log loss for direction.
 */
public enum ForecastLoss {

    /** {@code (f − y)²}; for a probability of a 0/1 outcome, the Brier score. */
    SQUARED,
    /**
     * QLIKE of a volatility forecast (Patton 2011), on variances: {@code p/v − ln(p/v) − 1} with
     * {@code p = y²} (the realised-volatility label squared) and {@code v = f²}; 0 when perfect, robust
     * to noise in the proxy, and it penalises under-prediction more. Needs positive {@code f} and {@code y}.
     */
    QLIKE,
    /**
     * Log loss of a probability {@code f} of a 0/1 outcome {@code y}: {@code −ln(f)} when {@code y = 1},
     * {@code −ln(1 − f)} when 0, the probability floored at 1e-15.
     */
    LOG;

    /**
     * @throws IllegalArgumentException when the pair is outside the loss's domain (a non-positive
     *                                  volatility for QLIKE; an outcome other than 0/1 or a probability
     *                                  outside [0, 1] for LOG) or not finite
     */
    public double of(double forecast, double actual) {
        if (!Double.isFinite(forecast) || !Double.isFinite(actual)) {
            throw new IllegalArgumentException("forecast and actual must be finite, got " + forecast + " and " + actual);
        }
        return switch (this) {
            case SQUARED -> (forecast - actual) * (forecast - actual);
            case QLIKE -> {
                if (!(forecast > 0 && actual > 0)) {
                    throw new IllegalArgumentException("QLIKE needs positive volatilities, got forecast " + forecast
                            + " and realised " + actual);
                }
                double ratio = (actual * actual) / (forecast * forecast);
                yield ratio - Math.log(ratio) - 1;
            }
            case LOG -> {
                if (actual != 0 && actual != 1) {
                    throw new IllegalArgumentException("log loss needs a 0/1 outcome, got " + actual);
                }
                if (forecast < 0 || forecast > 1) {
                    throw new IllegalArgumentException("log loss needs a probability in [0, 1], got " + forecast);
                }
                double p = actual == 1 ? forecast : 1 - forecast;
                yield -Math.log(Math.max(p, DieboldMariano.Loss.LOG_FLOOR));
            }
        };
    }

    /** The loss bar by bar. */
    public double[] of(double[] forecast, double[] actual) {
        if (forecast.length != actual.length) {
            throw new IllegalArgumentException("forecasts and actuals differ in length: " + forecast.length + " vs " + actual.length);
        }
        double[] out = new double[forecast.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = of(forecast[t], actual[t]);
        }
        return out;
    }
}
