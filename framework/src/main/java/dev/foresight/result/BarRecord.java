package dev.foresight.result;

import java.util.Map;

/**
 * One out-of-sample bar as stored in a task result. Values that a model does not produce
 * (probability of up, variance) are null rather than NaN, so the JSON stays plain.
 */
public record BarRecord(int bar, String date, double actual, double forecast, Double probabilityUp, Double variance,
                        double actualMove, double forecastMove, double position, double assetReturn, double grossReturn,
                        Map<String, String> regimes) {

    public BarRecord {
        regimes = regimes == null ? Map.of() : new java.util.TreeMap<>(regimes);
    }
}
