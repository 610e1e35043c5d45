/**
 * One walk-forward fold end to end: {@link dev.foresight.pipeline.FoldRunner} runs a
 * {@link dev.foresight.pipeline.Pipeline} (features → train-only scaling → model → strategy →
 * regime labels) on a {@link dev.foresight.walkforward.Fold} and returns a
 * {@link dev.foresight.pipeline.FoldOutcome} with one {@link dev.foresight.pipeline.BarOutcome}
 * per test bar. A strategy sized by another model's volatility gets that model's variance
 * forecasts from a {@link dev.foresight.pipeline.SizingVolatility}: the named model fit on the same
 * planned fold inside the task. Joining folds, costs and metrics happen in {@code evaluation}.
 */
package dev.foresight.pipeline;
