/**
 * Feature scaling done by the framework (min-max, z-score), always fit on a fold's training rows
 * only: {@link dev.foresight.scaling.Scaler}.
 */
package dev.foresight.scaling;
