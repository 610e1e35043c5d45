/**
 * Walk-forward planning: a {@link dev.foresight.walkforward.WalkForwardPlan} cuts a series into
 * {@link dev.foresight.walkforward.Fold}s whose training and test rows are separated by the target's
 * horizon (the purge) plus an embargo. The fold runner in {@code pipeline} executes them.
 */
package dev.foresight.walkforward;
