/**
 * Feature engineering contracts: {@link dev.foresight.feature.FeatureSet} (fit on the training
 * window) and the causal {@link dev.foresight.feature.FittedFeatures}, producing a columnar
 * {@link dev.foresight.feature.FeatureMatrix}. Built-in feature sets live in the strategies module.
 */
package dev.foresight.feature;
