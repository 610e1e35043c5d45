/**
 * Synthetic price series with known truth, for testing models and the leakage checks against
 * processes whose parameters (and, for regime switching, hidden states) are known exactly.
 *
 * <p>Each source is a record of validated parameters implementing the sealed
 * {@link dev.foresight.data.synthetic.SyntheticSource}: {@code generate(symbol, bars, seed)}
 * returns a full OHLCV {@link dev.foresight.data.PriceSeries} on consecutive business days. The
 * close path is the simulated process; open, high, low and volume are decoration added by one
 * documented rule (see {@code BarShape}) so that bar-based code has consistent bars to read.
 * Every call builds its own seeded generator, so the same seed gives the same series on every
 * run and thread, and there is no shared random state.
 *
 * <p>Depends on {@code dev.foresight.data} (the series it produces) and Commons Math (random
 * numbers, Student-t via chi-square); nothing depends on it except whoever turns a YAML
 * {@code source: synthetic} block into one of these records.
 */
package dev.foresight.data.synthetic;
