/**
 * A run, stage by stage, with one owner each:
 * <pre>
 * BatchSpec ──▶ BatchRunner.prepare (data loaded, folds planned, every user error at once)
 *           ──▶ TaskPlans → TaskPlan (units of work: tasks and warm-start chains, seeds, cache keys)
 *           ──▶ ResultStore.cached (finished tasks found) ──▶ Engine.execute (the rest)
 *           ──▶ TaskOutcome per task, as it arrives ──▶ ResultStore.write (the only writer)
 *           ──▶ null-data canary, summary, timings, manifest, report (the summary, manifest,
 *               database and report kept when {@code outputs.json} ({@code OutputStamp})
 *               proves them computed from exactly the config, task files, canary and code now there)
 * </pre>
 * {@link dev.foresight.run.BatchRunner} is the driver and runs the stages in that order; the
 * engine seam (what may run elsewhere) is {@link dev.foresight.run.engine}. Everything is
 * deterministic: the same batch, data and seeds give byte-identical task files and summaries,
 * whatever the engine and the number of workers. {@link dev.foresight.run.BatchCheck} runs the
 * leakage checks alone ({@code foresight check}).
 */
package dev.foresight.run;
