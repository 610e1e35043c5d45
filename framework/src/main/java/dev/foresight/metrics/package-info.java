/**
 * Summary statistics of out-of-sample results: {@link dev.foresight.metrics.ForecastMetrics}
 * (how well a model forecasts: MSE, MAE, direction hit rate) and
 * {@link dev.foresight.metrics.PerformanceMetrics} (how well its strategy trades after costs:
 * CAGR, volatility, Sharpe, Sortino, max drawdown, Calmar, turnover), annualised with an
 * {@link dev.foresight.metrics.Annualisation}.
 *
 * <p>The formulas are the product's documented conventions and are spelled out on each factory
 * method; reports quote them. Inputs come from the {@link dev.foresight.backtest} engine and from
 * forecasts; NaN or mismatched inputs are programmer errors and fail fast.
 */
package dev.foresight.metrics;
