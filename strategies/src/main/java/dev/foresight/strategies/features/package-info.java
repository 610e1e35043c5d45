/**
 * Built-in feature sets ({@link dev.foresight.feature.FeatureSet}): {@code returns} (lagged
 * returns), the technical sets {@code ohlcv} (bar shape and volume z-score), {@code rsi} (Wilder),
 * {@code macd}, {@code bollinger} (%B and bandwidth), {@code realized-vol}, {@code momentum}, and
 * {@code calendar} (cyclic day of week and month). Each class documents its formula and seeding
 * convention; {@link dev.foresight.strategies.features.Indicators} holds the shared moving
 * averages and deviations.
 *
 * <p>Every set except {@code calendar} takes a {@code symbol}: empty reads the batch's primary
 * series, otherwise another series of the batch (an index, VIX), aligned on the same dates at load,
 * with its columns prefixed {@code SYMBOL_} ({@link dev.foresight.strategies.features.InputSeries}).
 * None learns anything from the training window: they are their own fitted transforms. Scaling is
 * not theirs to do: the framework's scaler is fit per column on the training rows, so each asset's
 * columns get their own scale.
 *
 * <p>Feature sets read market data only through point-in-time
 * {@link dev.foresight.data.MarketView}s and compute every row from bars at or before it, so the
 * leakage checks' truncation test holds by construction. Warm-up rows are NaN, never filled;
 * {@code warmUp()} is the first complete row, and the engine drops (and counts) the rows before it.
 * Models (see {@code dev.foresight.strategies.baseline} and {@code dev.foresight.strategies.tribuo})
 * consume the resulting {@link dev.foresight.feature.FeatureMatrix} after the framework scales it.
 */
package dev.foresight.strategies.features;
