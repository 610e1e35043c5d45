package dev.foresight.target;

import dev.foresight.data.SeriesView;
import dev.foresight.model.Forecast;

/** {@code log(price(t+h) / price(t))}, on the adjusted close when the series has one. */
record LogReturnTarget(int horizon) implements Target {

    LogReturnTarget {
        Targets.checkHorizon(horizon);
    }

    @Override
    public String name() {
        return "log-return(h=" + horizon + ")";
    }

    @Override
    public double[] labels(SeriesView series) {
        double[] p = series.prices();
        double[] y = Targets.unknown(p.length);
        for (int t = 0; t + horizon < p.length; t++) {
            y[t] = Math.log(p[t + horizon] / p[t]);
        }
        return y;
    }

    @Override
    public double move(double value, SeriesView series, int t) {
        return value;
    }

    /**
     * The forecast variance is that of the h-bar return, the sum of the h one-bar variances (for a
     * GARCH exactly so); their mean is the one-bar figure (exact for h = 1).
     */
    @Override
    public double barVariance(Forecast forecast) {
        return forecast.variance() / horizon;
    }

    @Override
    public boolean continuous() {
        return true;
    }
}
