/**
 * Market data: validated, immutable, columnar {@link dev.foresight.data.PriceSeries}, several of
 * them aligned in {@link dev.foresight.data.MarketData}, and the point-in-time
 * {@link dev.foresight.data.MarketView} / {@link dev.foresight.data.SeriesView} that throw on
 * look-ahead. Loaders (CSV) and synthetic sources produce these.
 */
package dev.foresight.data;
