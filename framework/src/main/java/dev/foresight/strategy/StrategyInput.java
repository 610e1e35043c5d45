package dev.foresight.strategy;

import dev.foresight.model.Forecast;

/**
 * What a trading rule sees at the close of bar {@code bar}: the forecast, its directional move
 * (the target's reading of the forecast: positive = up), the position held until now, and the
 * forecast variance of the next bar's log return.
 *
 * @param barVariance variance of the asset's one-bar log return over the holding bar, as
 *                    forecast at {@code bar} by the model (or by the strategy's
 *                    {@linkplain Strategy#volatilityModel() volatility model}); NaN when none
 *                    forecasts one (see {@link dev.foresight.target.Target#barVariance})
 */
public record StrategyInput(int bar, Forecast forecast, double expectedMove, double previousPosition,
                            double barVariance) {

    public StrategyInput {
        if (!Double.isNaN(barVariance) && !(barVariance >= 0)) {
            throw new IllegalArgumentException("a variance cannot be negative, got " + barVariance);
        }
    }

    /** An input without a variance forecast. */
    public StrategyInput(int bar, Forecast forecast, double expectedMove, double previousPosition) {
        this(bar, forecast, expectedMove, previousPosition, Double.NaN);
    }
}
