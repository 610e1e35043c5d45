package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A random walk with a concrete mode.
 *
 * @param inferred whether the mode was inferred from the labels (reported, so a surprising
 *                 inference is visible in the result file)
 */
record FittedRandomWalk(RandomWalkMode mode, boolean inferred) implements FittedModel {

    FittedRandomWalk {
        if (mode == RandomWalkMode.AUTO) {
            throw new IllegalArgumentException("a fitted random walk needs a concrete mode, not auto");
        }
    }

    @Override
    public Forecast[] predict(ModelData data) {
        int[] rows = data.rows();
        Forecast[] out = new Forecast[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = switch (mode) {
                case ZERO -> Forecast.point(0.0);
                case HALF -> new Forecast(0.5, 0.5, Double.NaN);
                case LAST -> Forecast.point(latestKnown(data, rows[i]));
                case AUTO -> throw new IllegalStateException("unreachable: checked in the constructor");
            };
        }
        return out;
    }

    /** The label of bar {@code t - horizon}: the newest one known at the close of {@code t}. */
    private static double latestKnown(ModelData data, int t) {
        int s = t - data.horizon();
        if (s < 0) {
            throw new IllegalArgumentException("random-walk (mode last): no label is known at bar " + t
                    + " with horizon " + data.horizon() + "; the first bar it can forecast is " + data.horizon());
        }
        double y = data.labelKnownAt(s, t);
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("random-walk (mode last): the label of bar " + s + " is " + y);
        }
        return y;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", mode.yamlName());
        d.put("mode_inferred", inferred);
        return Collections.unmodifiableMap(d);
    }
}
