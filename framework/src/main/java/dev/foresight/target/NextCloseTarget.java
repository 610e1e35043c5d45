package dev.foresight.target;

import dev.foresight.data.SeriesView;

/**
 * The (unadjusted) close {@code h} bars ahead, as in the course text. Its move is the forecast
 * minus today's close.
 */
record NextCloseTarget(int horizon) implements Target {

    NextCloseTarget {
        Targets.checkHorizon(horizon);
    }

    @Override
    public String name() {
        return "close(h=" + horizon + ")";
    }

    @Override
    public double[] labels(SeriesView series) {
        double[] c = series.column(dev.foresight.data.Column.CLOSE);
        double[] y = Targets.unknown(c.length);
        for (int t = 0; t + horizon < c.length; t++) {
            y[t] = c[t + horizon];
        }
        return y;
    }

    @Override
    public double move(double value, SeriesView series, int t) {
        return value - series.close(t);
    }

    @Override
    public boolean continuous() {
        return true;
    }
}
