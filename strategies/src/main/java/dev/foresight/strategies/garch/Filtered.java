package dev.foresight.strategies.garch;

/**
 * A return series passed through a fitted model: residual e(t), conditional variance σ²(t) (known
 * at the close of t−1), standardised residual z(t) = e(t)/σ(t); and the state after the last
 * return, from which forecasts start.
 */
public record Filtered(double[] residuals, double[] variances, double[] standardised, double nextVariance,
                       double lastReturn) {

    public Filtered {
        residuals = residuals.clone();
        variances = variances.clone();
        standardised = standardised.clone();
        if (residuals.length != variances.length || residuals.length != standardised.length) {
            throw new IllegalArgumentException("series of different lengths");
        }
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public double[] variances() {
        return variances.clone();
    }

    @Override
    public double[] standardised() {
        return standardised.clone();
    }
}
