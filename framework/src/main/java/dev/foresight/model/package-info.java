/**
 * Model contracts: {@link dev.foresight.model.Model} (a trainer), {@link dev.foresight.model.FittedModel},
 * the point-in-time {@link dev.foresight.model.ModelData} they read, and {@link dev.foresight.model.Forecast};
 * {@link dev.foresight.model.FitContext} (seed, previous fold, progress listener) and
 * {@link dev.foresight.model.FitProgress} (epoch reports of iteratively trained models);
 * {@link dev.foresight.model.Labels} (how a model reads its training labels).
 * Implementations live in the strategies module.
 */
package dev.foresight.model;
