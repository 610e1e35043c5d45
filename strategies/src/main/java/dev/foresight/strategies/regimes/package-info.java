/**
 * Built-in regime detectors ({@link dev.foresight.regime.RegimeDetector}): {@code volatility},
 * which labels each bar low / normal / high volatility against thresholds learnt from the
 * training window.
 *
 * <p>Detectors see only point-in-time {@link dev.foresight.data.MarketView}s: {@code fit} is
 * given the training window and nothing else, and a bar's label depends on bars at or before it.
 * The labels split the report's metrics by regime; they are never a model input.
 */
package dev.foresight.strategies.regimes;
