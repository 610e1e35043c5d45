/**
 * Built-in feature sets ({@link dev.foresight.feature.FeatureSet}): {@code returns}, the lagged
 * returns of one series of the batch.
 *
 * <p>Feature sets read market data only through point-in-time
 * {@link dev.foresight.data.MarketView}s and compute every row from bars at or before it, so the
 * leakage checks' truncation test holds by construction. Warm-up rows are NaN, never filled; the
 * engine drops them. Models (see {@code dev.foresight.strategies.baseline}) consume the resulting
 * {@link dev.foresight.feature.FeatureMatrix} after the framework scales it.
 */
package dev.foresight.strategies.features;
