/**
 * Built-in trading rules ({@link dev.foresight.strategy.Strategy}): {@code sign} (long on an
 * expected rise, short or flat on an expected fall) and {@code long-above} (long only when the
 * expected move clears a threshold).
 *
 * <p>Rules read only {@link dev.foresight.strategy.StrategyInput#expectedMove()}, the target's
 * directional reading of a forecast, so one rule works for returns, direction probabilities and
 * next-close forecasts alike. A NaN move means the target has no direction (realised volatility);
 * the rules then refuse with an {@link java.lang.IllegalArgumentException} that the engine reports
 * as a configuration error rather than trading on nothing. Positions are always in [-1, 1].
 */
package dev.foresight.strategies.rules;
