/**
 * Baselines trained by Oracle Tribuo: {@code linear} (elastic net by coordinate descent),
 * {@code cart} (a CART regression tree), {@code xgboost} (gradient-boosted trees, regression or
 * classification) and {@code logistic} (logistic regression by SGD, direction targets only).
 *
 * <p>Each {@link dev.foresight.model.Model} here turns the framework's scaled feature rows
 * ({@link dev.foresight.model.ModelData#row}) and training labels into a Tribuo dataset
 * ({@link dev.foresight.strategies.tribuo.Examples}), trains with a trainer seeded from the task's
 * seed (XGBoost on one thread), and wraps the immutable Tribuo model in a
 * {@link dev.foresight.model.FittedModel}. The fitted model's diagnostics carry the Tribuo provenance
 * of the training run — trainer class and every configured setting, Tribuo version, rows and
 * features — without the timestamps, host and JVM details that would make identical runs differ
 * ({@link dev.foresight.strategies.tribuo.Provenances}).
 *
 * <p>Tribuo and XGBoost stay inside this package; nothing else in Foresight imports them.
 */
package dev.foresight.strategies.tribuo;
