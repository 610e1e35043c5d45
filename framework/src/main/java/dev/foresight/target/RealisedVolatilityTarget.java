package dev.foresight.target;

import dev.foresight.data.SeriesView;
import dev.foresight.model.Forecast;

/**
 * Realised volatility over the next {@code h} bars as the root mean square of the log returns
 * {@code r(t+1)..r(t+h)}: a per-bar scale, comparable with a GARCH conditional standard deviation.
 * It has no direction, so trading strategies reject it.
 */
record RealisedVolatilityTarget(int horizon) implements Target {

    RealisedVolatilityTarget {
        Targets.checkHorizon(horizon);
    }

    @Override
    public String name() {
        return "realised-vol(h=" + horizon + ")";
    }

    @Override
    public double[] labels(SeriesView series) {
        double[] p = series.prices();
        double[] y = Targets.unknown(p.length);
        for (int t = 0; t + horizon < p.length; t++) {
            double sum = 0;
            for (int i = 1; i <= horizon; i++) {
                double r = Math.log(p[t + i] / p[t + i - 1]);
                sum += r * r;
            }
            y[t] = Math.sqrt(sum / horizon);
        }
        return y;
    }

    @Override
    public double move(double value, SeriesView series, int t) {
        return Double.NaN;
    }

    @Override
    public boolean directional() {
        return false;
    }

    /**
     * The label is a per-bar RMS volatility, so every model's point forecast is a volatility
     * forecast and its square the mean one-bar variance over the h bars (for a GARCH exactly its
     * variance forecast). The forecast's own variance is not used: for a model like AR it is the
     * variance of its error in forecasting the volatility, not a variance of returns.
     */
    @Override
    public double barVariance(Forecast forecast) {
        return forecast.point() * forecast.point();
    }

    @Override
    public boolean continuous() {
        return true;
    }
}
