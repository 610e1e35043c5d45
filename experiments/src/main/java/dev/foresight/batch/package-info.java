/**
 * Experiment batches: {@link dev.foresight.batch.BatchParser} turns a located YAML tree (after
 * {@link dev.foresight.batch.Overrides}) into validated records — {@link dev.foresight.batch.BatchSpec},
 * {@link dev.foresight.batch.ExperimentSpec}, {@link dev.foresight.batch.ModelSpec} — with plugins
 * resolved through the registry. The fixed sections of the format (walk_forward, leakage,
 * annualisation, costs, data, synthetic's common keys, the seed) are described once in
 * {@code BatchFormat}, as {@code Section}s of {@code Field}s: the parser reads through them and
 * {@link dev.foresight.batch.BatchSchema} publishes them, so ranges, defaults and docs cannot drift.
 */
package dev.foresight.batch;
