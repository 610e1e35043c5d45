package dev.foresight.strategy;

import dev.foresight.model.Forecast;

/**
 * What a trading rule sees at the close of bar {@code bar}: the forecast, its directional move
 * (the target's reading of the forecast: positive = up), and the position held until now.
 */
public record StrategyInput(int bar, Forecast forecast, double expectedMove, double previousPosition) {
}
