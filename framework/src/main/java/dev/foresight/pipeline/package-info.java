/**
 * One walk-forward fold end to end: {@link dev.foresight.pipeline.FoldRunner} runs a
 * {@link dev.foresight.pipeline.Pipeline} (features → train-only scaling → model → strategy →
 * regime labels) on a {@link dev.foresight.walkforward.Fold} and returns a
 * {@link dev.foresight.pipeline.FoldOutcome} with one {@link dev.foresight.pipeline.BarOutcome}
 * per test bar. Joining folds, costs and metrics happen in {@code evaluation}.
 */
package dev.foresight.pipeline;
