/**
 * The seam between planning a run and executing it: everything an engine — the local thread pool
 * today, a cluster tomorrow — needs, and nothing it must not touch.
 *
 * <p>The driver ({@link dev.foresight.run.BatchRunner}) turns a batch into a {@link
 * dev.foresight.run.engine.TaskPlan} of {@link dev.foresight.run.engine.WorkUnit}s (one task, or
 * the chain of a warm-starting model's folds), asks its result store which tasks are already
 * finished, and hands the rest to an {@link dev.foresight.run.engine.Engine}. The engine runs each
 * unit with a {@link dev.foresight.run.engine.UnitRunner} — in this JVM, or in another one built
 * from the serialisable {@link dev.foresight.run.engine.BatchSource} and market data of the
 * {@link dev.foresight.run.engine.RunContext} — and delivers a {@link
 * dev.foresight.run.engine.TaskOutcome} per task as each unit finishes. Only the driver writes
 * the result directory.
 *
 * <p>Everything that crosses a JVM boundary is a record of plain values ({@link
 * dev.foresight.run.engine.WorkUnit}, {@link dev.foresight.run.engine.PlannedTask}, {@link
 * dev.foresight.run.engine.TaskFile}, {@link dev.foresight.run.engine.BatchSource}) or bytes (the
 * market data, {@link dev.foresight.run.engine.MarketDataCodec}); a task's result travels as the
 * exact bytes of its task file, so a remote engine cannot change a result by serialising it.
 * Engines other than the local one are found with {@link java.util.ServiceLoader} through {@link
 * dev.foresight.run.engine.EngineProvider}, so one plugs in from its own module and jar.
 */
package dev.foresight.run.engine;
