/**
 * The result model and its files, one record per file kind: a {@link dev.foresight.result.TaskResult}
 * per (experiment × model × fold) with its {@link dev.foresight.result.CheckOutcome}s, the run's
 * {@link dev.foresight.result.CanaryRecord}s ({@code canary.json}), {@link dev.foresight.result.RunManifest}
 * ({@code manifest.json}), {@link dev.foresight.result.RunTimings} ({@code timings.json}) and the
 * directory's {@link dev.foresight.result.ResultMarker}; statuses are enums
 * ({@link dev.foresight.result.TaskStatus}, {@link dev.foresight.result.CheckStatus}) written as the
 * words the files have always held. Files are written atomically ({@link dev.foresight.result.AtomicFiles})
 * with one deterministic layout ({@link dev.foresight.result.ResultJson}); reports read these alone.
 *
 * <p>Below {@code evaluation} and {@code leakage}, which build and judge these values: this package
 * depends only on {@code data} and {@code walkforward}, so the framework's packages stay acyclic
 * (checked by {@code PackageCyclesTest}).
 */
package dev.foresight.result;
