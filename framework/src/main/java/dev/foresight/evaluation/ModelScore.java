package dev.foresight.evaluation;

import dev.foresight.metrics.ForecastMetrics;
import dev.foresight.metrics.PerformanceMetrics;

/**
 * Out-of-sample scores of one model in one experiment, over all its successful folds joined in
 * time order. {@code performance} is null when the target has no direction (nothing is traded);
 * {@code volatility} (variance MSE, QLIKE) is null unless the target is realised volatility.
 */
public record ModelScore(String experiment, String model, String target, int folds, int failedFolds, int bars,
                         ForecastMetrics forecast, PerformanceMetrics performance,
                         dev.foresight.metrics.VolatilityMetrics volatility) {
}
