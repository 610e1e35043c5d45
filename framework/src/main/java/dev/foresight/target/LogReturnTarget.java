package dev.foresight.target;

import dev.foresight.data.SeriesView;

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
}
