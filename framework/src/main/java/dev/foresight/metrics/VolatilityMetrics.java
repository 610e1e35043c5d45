package dev.foresight.metrics;

import java.util.Objects;

/**
 * Scores of volatility forecasts against a realised proxy, over {@code n} bars.
 *
 * <p>The realised proxy of the variance at bar t is the square of the {@code realised-vol}
 * label: RV²(t) = (1/h) Σ r(t+k)², the mean squared log return over the next h bars. A forecast
 * σ̂ (the point forecast of a volatility model, in the label's units) is a variance forecast
 * ĥ = σ̂². Both losses below are "robust" in Patton's (2011) sense: with a noisy but conditionally
 * unbiased proxy they rank forecasts as the true variance would.
 *
 * @param n                   number of bars
 * @param varianceMse         (1/n) Σ (RV² − ĥ)²
 * @param qlike               mean of (RV²/ĥ − ln(RV²/ĥ) − 1) over the bars where it is defined, zero
 *                            for a perfect forecast; a bar with RV² = 0 (a flat price over the
 *                            horizon: the logarithm does not exist) or ĥ ≤ 0 is left out and counted
 *                            in {@code qlikeUndefined}; NaN only when no bar is defined
 * @param qlikeUndefined      bars where QLIKE is undefined (left out of the mean and counted, never silently)
 */
public record VolatilityMetrics(int n, double varianceMse, double qlike, int qlikeUndefined) {

    public VolatilityMetrics {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if (qlikeUndefined < 0 || qlikeUndefined > n) {
            throw new IllegalArgumentException("qlikeUndefined must be in 0.." + n + ", got " + qlikeUndefined);
        }
    }

    /**
     * @param realisedVol the realised-vol labels (≥ 0, finite)
     * @param forecastVol the forecast volatilities σ̂ (finite)
     */
    public static VolatilityMetrics of(double[] realisedVol, double[] forecastVol) {
        Objects.requireNonNull(realisedVol, "realisedVol");
        Objects.requireNonNull(forecastVol, "forecastVol");
        int n = realisedVol.length;
        if (n == 0 || forecastVol.length != n) {
            throw new IllegalArgumentException("need the same, non-zero number of labels and forecasts; got " + n
                    + " and " + forecastVol.length);
        }
        double sumSq = 0;
        double sumQ = 0;
        int undefined = 0;
        for (int i = 0; i < n; i++) {
            double rv = realisedVol[i];
            double f = forecastVol[i];
            if (!(rv >= 0) || !Double.isFinite(rv)) {
                throw new IllegalArgumentException("realised volatility [" + i + "] must be finite and ≥ 0, got " + rv);
            }
            if (!Double.isFinite(f)) {
                throw new IllegalArgumentException("forecast volatility [" + i + "] must be finite, got " + f);
            }
            double proxy = rv * rv;
            double h = f * f;
            sumSq += (proxy - h) * (proxy - h);
            if (proxy > 0 && h > 0) {
                double ratio = proxy / h;
                sumQ += ratio - Math.log(ratio) - 1;
            } else {
                undefined++;
            }
        }
        // A flat bar (zero realised variance) or a zero forecast leaves QLIKE undefined for that bar:
        // it is left out and counted, not allowed to turn the whole figure into NaN.
        int defined = n - undefined;
        return new VolatilityMetrics(n, sumSq / n, defined == 0 ? Double.NaN : sumQ / defined, undefined);
    }
}
