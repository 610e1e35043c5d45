package dev.foresight.pipeline;

import java.time.LocalDate;
import java.util.Map;

/**
 * One out-of-sample bar {@code t}: the label and forecast (in the target's units), their
 * directional readings, the position taken at the close of {@code t}, the asset's simple return
 * from {@code t} to {@code t+1} and the position's gross return (before costs, which depend on
 * the previous bar and are charged when folds are joined), and the regime labels at {@code t}.
 */
public record BarOutcome(int bar, LocalDate date, double actual, double forecast, double probabilityUp,
                         double variance, double actualMove, double forecastMove, double position, double assetReturn,
                         double grossReturn, Map<String, String> regimes) {

    public BarOutcome {
        regimes = Map.copyOf(regimes);
    }
}
