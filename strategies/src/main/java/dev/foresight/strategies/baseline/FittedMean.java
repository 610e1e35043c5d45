package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A constant forecast: the mean of the training labels.
 *
 * @param binary when the labels were all 0/1 (a direction target) the mean is the up-frequency,
 *               so it is also the probability of up
 * @param rows   how many training labels were averaged
 * @param window the window asked for (0 = all)
 */
record FittedMean(double mean, boolean binary, int rows, int window) implements FittedModel {

    FittedMean {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("the mean forecast must be finite, got " + mean);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("a mean needs at least one row, got " + rows);
        }
    }

    @Override
    public Forecast[] predict(ModelData data) {
        Forecast[] out = new Forecast[data.size()];
        Arrays.fill(out, new Forecast(mean, binary ? mean : Double.NaN, Double.NaN));
        return out;
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mean", mean);
        d.put("rows", rows);
        d.put("window", window);
        d.put("direction_labels", binary);
        return Collections.unmodifiableMap(d);
    }
}
