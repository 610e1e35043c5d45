/**
 * The backtest engine: turns a strategy's positions and the asset's realised simple returns into
 * per-bar strategy returns after costs, an equity curve and its drawdown.
 *
 * <p>Timing convention (the one every strategy in Foresight follows): the position chosen at the
 * close of bar {@code i} earns the asset's simple return from the close of bar {@code i} to the
 * close of bar {@code i + 1}; costs are charged on the change of position at that same close.
 * {@link dev.foresight.backtest.Backtest} is a pure function of its inputs; the
 * {@link dev.foresight.metrics} package summarises its output.
 */
package dev.foresight.backtest;
