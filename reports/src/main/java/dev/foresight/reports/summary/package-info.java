/**
 * The run summary: {@link dev.foresight.reports.summary.Summary} re-scores a result directory
 * (resolved config + task files) into out-of-sample metrics per experiment × model, printed as a
 * table and written as {@code summary.json} and {@code summary.csv}. The HTML report builds on it.
 */
package dev.foresight.reports.summary;
