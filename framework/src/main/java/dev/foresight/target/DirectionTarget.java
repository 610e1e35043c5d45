package dev.foresight.target;

import dev.foresight.data.SeriesView;

/**
 * 1 when the price rises over the next {@code h} bars, else 0 (an unchanged price counts as not
 * up). A forecast is the probability of up; its move is {@code value - 0.5}.
 */
record DirectionTarget(int horizon) implements Target {

    DirectionTarget {
        Targets.checkHorizon(horizon);
    }

    @Override
    public String name() {
        return "direction(h=" + horizon + ")";
    }

    @Override
    public double[] labels(SeriesView series) {
        double[] p = series.prices();
        double[] y = Targets.unknown(p.length);
        for (int t = 0; t + horizon < p.length; t++) {
            y[t] = p[t + horizon] > p[t] ? 1.0 : 0.0;
        }
        return y;
    }

    @Override
    public double move(double value, SeriesView series, int t) {
        return value - 0.5;
    }
}
