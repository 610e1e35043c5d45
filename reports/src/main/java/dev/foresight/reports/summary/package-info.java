/**
 * A run's figures and their summary. {@link dev.foresight.reports.summary.Scorecard} reads a result
 * directory's task files once, joins each model's out-of-sample path once and computes every figure
 * once: scores per experiment × model, tests against each experiment's baseline, per-regime and risk
 * tables, portfolios, and the checks' verdicts ({@link dev.foresight.reports.summary.ChecksVerdict}).
 * {@link dev.foresight.reports.summary.Summary} renders a scorecard as text tables,
 * {@code summary.json} and CSV files; the HTML report ({@code reports.html}) and the results
 * database render from the same scorecard, so no figure is computed twice or shown two ways. A new
 * report section takes what it needs from the scorecard.
 */
package dev.foresight.reports.summary;
