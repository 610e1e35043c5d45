package dev.foresight.metrics;

/**
 * The QLIKE loss of volatility forecasts (Patton, "Volatility forecast comparison using imperfect
 * volatility proxies", J. Econometrics 160, 2011), robust to noise in the proxy:
 * <pre>
 *   QLIKE = (1/n) Σ ( σ̂²_proxy / σ̂²_forecast − log(σ̂²_proxy / σ̂²_forecast) − 1 )
 * </pre>
 * with the proxy = the squared {@code realised-vol} label (a per-bar variance) and the forecast =
 * the squared forecast volatility. It is 0 for a perfect forecast and penalises under-prediction
 * more than over-prediction. Bars where the proxy or the forecast is not positive have no QLIKE
 * and are left out; {@code n} says how many bars were scored.
 *
 * @param n     bars scored
 * @param value mean loss; NaN when no bar could be scored
 */
public record Qlike(int n, double value) {

    public static Qlike of(double[] actualVol, double[] forecastVol) {
        if (actualVol.length != forecastVol.length) {
            throw new IllegalArgumentException("actual and forecast volatilities differ in length: " + actualVol.length
                    + " vs " + forecastVol.length);
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actualVol.length; i++) {
            double a = actualVol[i];
            double f = forecastVol[i];
            if (a > 0 && f > 0 && Double.isFinite(a) && Double.isFinite(f)) {
                double ratio = (a * a) / (f * f);
                sum += ratio - Math.log(ratio) - 1;
                n++;
            }
        }
        return new Qlike(n, n == 0 ? Double.NaN : sum / n);
    }
}
