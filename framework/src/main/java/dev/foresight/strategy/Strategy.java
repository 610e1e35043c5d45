package dev.foresight.strategy;

import java.util.Optional;

/**
 * Maps a forecast to a target position, held from the close of bar {@code t} to the close of
 * {@code t+1}: a fraction of capital, negative for short, within {@code ±maxLeverage()}. Costs are
 * charged by the backtest on position changes.
 *
 * <p>A position may depend on the previous position ({@link StrategyInput#previousPosition()}:
 * a rule with a hold zone), which the engine computes forward in time from earlier bars only;
 * a strategy keeps no other state, so its positions are as causal as the forecasts it is given.
 */
public interface Strategy {

    /**
     * Largest absolute position this strategy takes. A rule sizing by forecast volatility may
     * lever up (up to {@link #LEVERAGE_LIMIT}); the classic rules stay within 1.
     */
    double LEVERAGE_LIMIT = 10;

    double position(StrategyInput input);

    /** The bound on {@code |position|}; the engine rejects a position beyond it. */
    default double maxLeverage() {
        return 1;
    }

    /**
     * The name of another model of the same experiment whose volatility forecast sizes this
     * strategy's positions ({@link StrategyInput#barVariance()}), e.g. a GARCH sizing an LSTM's
     * direction call; empty when the strategy uses its own model's variance forecast or none.
     */
    default Optional<String> volatilityModel() {
        return Optional.empty();
    }
}
