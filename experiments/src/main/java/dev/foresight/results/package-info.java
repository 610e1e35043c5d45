/**
 * The results database: every run's out-of-sample bars, scores, tests and provenance in one
 * {@code results.duckdb} file in the run directory, for pandas, polars, R and SQL users; the run
 * catalogue that {@code foresight runs} lists; and {@code foresight compare}'s reading of two runs.
 *
 * <p>The JSON task files stay the cache's source of truth (they are byte-deterministic; a DuckDB
 * file is not): the database is derived from them at the end of a run, written whole to a
 * temporary file and renamed into place, so a reader never sees half a database.
 */
package dev.foresight.results;
