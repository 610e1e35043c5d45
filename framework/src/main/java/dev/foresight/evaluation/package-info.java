/**
 * From stored task results to scores: {@link dev.foresight.evaluation.OutOfSample} joins a model's
 * folds into one out-of-sample path, charges costs across fold boundaries, and computes forecast
 * and trading metrics ({@link dev.foresight.evaluation.ModelScore}).
 */
package dev.foresight.evaluation;
