/**
 * Risk figures of a strategy's returns and backtests of a model's Value-at-Risk forecasts.
 *
 * <p>{@link dev.foresight.risk.HistoricalRisk}: historical VaR and expected shortfall of realised
 * returns. {@link dev.foresight.risk.ReturnDistribution}: the one-day VaR implied by a mean and a
 * variance forecast under a stated distribution (normal, or a unit-variance Student-t).
 * {@link dev.foresight.risk.VarBacktest}: Kupiec's proportion-of-failures test and Christoffersen's
 * independence and conditional-coverage tests of a VaR forecast's failure sequence. Losses are
 * positive numbers: a VaR of 0.02 means a return below −2% is a failure.
 */
package dev.foresight.risk;
