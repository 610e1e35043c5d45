/**
 * The result model and its files: one {@link dev.foresight.result.TaskResult} JSON per
 * (experiment × model × fold), written atomically ({@link dev.foresight.result.AtomicFiles}) with
 * a deterministic layout ({@link dev.foresight.result.ResultJson}); reports read these alone.
 */
package dev.foresight.result;
