/**
 * Market data: validated, immutable, columnar {@link dev.foresight.data.PriceSeries}, several of
 * them aligned in {@link dev.foresight.data.MarketData}, and the point-in-time
 * {@link dev.foresight.data.MarketView} / {@link dev.foresight.data.SeriesView} that throw on
 * look-ahead. Loaders ({@code data.csv}) and synthetic sources ({@code data.synthetic}) produce
 * these; {@link dev.foresight.data.DateAlignment} joins series with different calendars.
 */
package dev.foresight.data;
