/**
 * Combining per-asset strategy positions into one portfolio: {@link dev.foresight.portfolio.Weighting}
 * (equal weight, inverse volatility, or volatility-targeted at the portfolio level) and
 * {@link dev.foresight.portfolio.Portfolio}, which charges each asset its own costs and keeps each
 * asset's contribution, so the portfolio's return is exactly the sum of its assets' contributions.
 */
package dev.foresight.portfolio;
