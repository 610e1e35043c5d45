/**
 * Leakage checks, run on every fold of every run and named for what they catch:
 * {@link dev.foresight.leakage.FoldIntegrity} (the plan's rows and purges),
 * {@link dev.foresight.leakage.TruncationInvariance} (nothing at bar t changes when history is cut
 * at t), {@link dev.foresight.leakage.FuturePerturbation} (nothing fitted changes when the future
 * is scrambled) and {@link dev.foresight.leakage.Implausibility} flags. Each returns
 * {@link dev.foresight.result.CheckOutcome}s naming the culprit plugin and the evidence.
 * They complement the look-ahead prevention built into the data views.
 * {@link dev.foresight.leakage.CheckPlan} is the one place that decides which checks a fold gets
 * and with which seed (for a run and for {@code foresight check});
 * {@link dev.foresight.leakage.CheckedFoldRunner} runs a {@link dev.foresight.leakage.CheckedFold}
 * with them in the order that makes them sharp. {@link dev.foresight.leakage.NullCanary} (opt-in)
 * runs the pipeline on a random-walk surrogate and, when a model finds skill there, attributes it
 * (feature sets left out, a {@code FeatureProbe} baseline in the model's place, the model without
 * features).
 */
package dev.foresight.leakage;
