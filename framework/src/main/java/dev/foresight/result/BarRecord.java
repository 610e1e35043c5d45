package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.foresight.execution.Legs;
import java.util.Map;
import java.util.TreeMap;

/**
 * One out-of-sample bar as stored in a task result. Values that a model does not produce
 * (probability of up, variance) are null rather than NaN, so the JSON stays plain.
 *
 * <p>{@code legs} is the bar's asset return split around the trade when the experiment executes
 * at the next open ({@link dev.foresight.execution.Execution#NEXT_OPEN}); {@code grossReturn} is
 * then the two-leg return within the fold. Under execution at the close (the default) it is null
 * and left out of the file, so such results keep the bytes they had before executions existed.
 */
public record BarRecord(int bar, String date, double actual, double forecast, Double probabilityUp, Double variance,
                        double actualMove, double forecastMove, double position, double assetReturn, double grossReturn,
                        Map<String, String> regimes, @JsonInclude(JsonInclude.Include.NON_NULL) Legs legs) {

    public BarRecord {
        regimes = regimes == null ? Map.of() : new TreeMap<>(regimes);
    }

    /** A bar traded at the close. */
    public BarRecord(int bar, String date, double actual, double forecast, Double probabilityUp, Double variance,
                     double actualMove, double forecastMove, double position, double assetReturn, double grossReturn,
                     Map<String, String> regimes) {
        this(bar, date, actual, forecast, probabilityUp, variance, actualMove, forecastMove, position, assetReturn,
                grossReturn, regimes, null);
    }

    /** The same bar holding {@code newPosition} instead, its gross return recomputed (buy-and-hold, portfolios). */
    public BarRecord withPosition(double newPosition, double newGrossReturn) {
        return new BarRecord(bar, date, actual, forecast, probabilityUp, variance, actualMove, forecastMove, newPosition,
                assetReturn, newGrossReturn, regimes, legs);
    }
}
