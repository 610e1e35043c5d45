/**
 * Leakage checks, run on every fold of every run and named for what they catch:
 * {@link dev.foresight.leakage.FoldIntegrity} (the plan's rows and purges),
 * {@link dev.foresight.leakage.TruncationInvariance} (nothing at bar t changes when history is cut
 * at t), {@link dev.foresight.leakage.FuturePerturbation} (nothing fitted changes when the future
 * is scrambled) and {@link dev.foresight.leakage.Implausibility} flags. Each returns
 * {@link dev.foresight.result.CheckOutcome}s naming the culprit plugin and the evidence.
 * They complement the look-ahead prevention built into the data views.
 */
package dev.foresight.leakage;
