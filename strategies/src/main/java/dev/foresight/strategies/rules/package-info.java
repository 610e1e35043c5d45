/**
 * Built-in trading rules ({@link dev.foresight.strategy.Strategy}): {@code sign} (long on an
 * expected rise, short or flat on an expected fall), {@code long-above} (long only when the
 * expected move clears a threshold), and the sizing rules {@code vol-target} (equal forecast risk
 * per bar from a variance forecast), {@code probability} (a capped Kelly-style fraction of P(up))
 * and {@code band} (Buy / Hold / Sell with a hold zone, path-dependent through the previous
 * position only).
 *
 * <p>Rules read the target's directional reading of a forecast ({@link
 * dev.foresight.strategy.StrategyInput#expectedMove()}), P(up), and the one-bar variance the
 * target derives from the forecast, so one rule works across targets where it makes sense. What a
 * rule needs and the forecast lacks (no direction for realised volatility, no P(up) for a return
 * forecast, no variance for a classifier) is refused with an {@link
 * java.lang.IllegalArgumentException} naming the bar rather than trading on nothing. The sizing
 * rules share {@code max_leverage} (positions within ±cap, at most
 * {@link dev.foresight.strategy.Strategy#LEVERAGE_LIMIT}) and {@code long_only}; {@code sign} and
 * {@code long-above} stay within [-1, 1].
 */
package dev.foresight.strategies.rules;
