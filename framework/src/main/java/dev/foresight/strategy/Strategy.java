package dev.foresight.strategy;

/**
 * Maps a forecast to a target position in {@code [-1, 1]}, held from the close of bar {@code t}
 * to the close of {@code t+1}. Costs are charged by the backtest on position changes.
 */
public interface Strategy {

    double position(StrategyInput input);
}
