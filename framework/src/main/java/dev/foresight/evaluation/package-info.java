/**
 * From stored task results to scores: {@link dev.foresight.evaluation.OutOfSample} joins a model's
 * folds into one out-of-sample path, charges costs across fold boundaries, and computes forecast
 * and trading metrics ({@link dev.foresight.evaluation.ModelScore}).
 * {@link dev.foresight.evaluation.ModelPath} keeps the joined path for
 * {@link dev.foresight.evaluation.RegimeBreakdown} (metrics per detector × regime, flagged below
 * a minimum bar count) and {@link dev.foresight.evaluation.Significance} (tests against the
 * experiment's baseline, from {@link dev.foresight.statistics}).
 */
package dev.foresight.evaluation;
