/**
 * Experiment batches: {@link dev.foresight.batch.BatchParser} turns a located YAML tree (after
 * {@link dev.foresight.batch.Overrides}) into validated records — {@link dev.foresight.batch.BatchSpec},
 * {@link dev.foresight.batch.ExperimentSpec}, {@link dev.foresight.batch.ModelSpec} — with plugins
 * resolved through the registry.
 */
package dev.foresight.batch;
