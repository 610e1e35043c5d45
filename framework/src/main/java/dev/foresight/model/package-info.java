/**
 * Model contracts: {@link dev.foresight.model.Model} (a trainer), {@link dev.foresight.model.FittedModel},
 * the point-in-time {@link dev.foresight.model.ModelData} they read, and {@link dev.foresight.model.Forecast}.
 * Implementations live in the strategies module.
 */
package dev.foresight.model;
