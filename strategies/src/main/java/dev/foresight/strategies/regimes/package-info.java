/**
 * Built-in regime detectors ({@link dev.foresight.regime.RegimeDetector}): {@code volatility}
 * (low / normal / high trailing volatility against training-window quantiles), {@code trend}
 * (bull / bear by a moving average or the drawdown from the running peak), {@code calendar} (named
 * date ranges, else {@code other}), {@code markov} (a two-state Gaussian Markov-switching model fit
 * by EM on the training window, test bars labelled by filtered probabilities) and {@code truth}
 * (the synthetic source's hidden regime, for evaluation only).
 *
 * <p>Detectors see only point-in-time {@link dev.foresight.data.MarketView}s: {@code fit} is
 * given the training window and nothing else, and a bar's label depends on bars at or before it.
 * The labels split the report's metrics by regime; they are never a model input.
 */
package dev.foresight.strategies.regimes;
