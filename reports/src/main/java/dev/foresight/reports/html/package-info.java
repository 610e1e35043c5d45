/**
 * The HTML report: one self-contained file ({@code report.html}) rendered from a result directory
 * alone, plus its exports ({@code metrics.csv}, {@code results.json}).
 *
 * <p>{@link dev.foresight.reports.html.HtmlReport} is the entry point. It renders from the run's
 * {@link dev.foresight.reports.summary.Scorecard} — the task files, paths and figures the summary
 * was printed from, not read or computed again ({@code ReportInput} arranges them per experiment and
 * model, with the manifest; no metric is computed here that the {@code evaluation} and
 * {@code statistics} packages already compute) — then each section class
 * turns that input into a view-model record and renders it into its own template slot. Templates
 * are Mustache (JMustache), which HTML-escapes every {@code {{value}}} by default; section HTML is
 * inserted into the page skeleton unescaped only because it is itself template output. Chart data
 * goes into one {@code <script type="application/json">} block written by {@code ScriptJson}, which
 * escapes {@code < > &} and every non-ASCII character, so no user string can close the block.
 */
package dev.foresight.reports.html;
