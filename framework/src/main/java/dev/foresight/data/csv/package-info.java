/**
 * Loading daily OHLCV CSV files into a validated {@link dev.foresight.data.PriceSeries}.
 *
 * <p>{@link dev.foresight.data.csv.CsvLayout} says which header holds which
 * {@link dev.foresight.data.Column} (or "auto" for the Yahoo layout), how dates are written and
 * what to do with missing cells; {@link dev.foresight.data.csv.CsvLoader} reads the file and
 * returns a {@link dev.foresight.data.csv.LoadedSeries}: the series plus the
 * {@link dev.foresight.data.DataNotes} that record everything loading did (rows dropped,
 * newest-first order reversed). Every problem in the file is a
 * {@link dev.foresight.error.UserError} located at file, line, CSV column and header name.
 *
 * <p>The rest of the package is package-private plumbing: an RFC-4180 record reader, the
 * header-to-column mapping, cell parsing and date formats. This package depends on
 * {@code dev.foresight.data} and {@code dev.foresight.error}; nothing in {@code data} depends on it.
 */
package dev.foresight.data.csv;
