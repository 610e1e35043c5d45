/**
 * When a position decided at the close of bar t is traded: a named, swappable assumption
 * ({@link dev.foresight.execution.Execution}), recorded with every result. Each bar's asset
 * return is split into the leg earned by the position held before the trade and the leg earned
 * by the new one ({@link dev.foresight.execution.Legs}).
 */
package dev.foresight.execution;
