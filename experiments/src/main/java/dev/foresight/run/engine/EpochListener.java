package dev.foresight.run.engine;

import dev.foresight.model.FitProgress;

/**
 * Hears the epochs of the tasks an engine runs in this JVM, each report bound to its task and
 * fold by the {@link UnitRunner} (a model only knows its own fit). Called from the worker threads,
 * concurrently for tasks running in parallel: an implementation must be thread-safe, quick, and
 * must not throw. Reports are information only: they never reach a task file.
 */
@FunctionalInterface
public interface EpochListener {

    /** Ignores every report: a worker in another JVM has nobody to tell. */
    EpochListener NONE = (taskId, fold, report) -> { };

    /** Task {@code taskId}, running fold {@code fold}, finished an epoch. */
    void epoch(String taskId, int fold, FitProgress.Epoch report);
}
