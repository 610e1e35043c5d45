package dev.foresight.run;

import dev.foresight.model.FitProgress;
import dev.foresight.result.TaskResult;
import dev.foresight.run.engine.EpochListener;

/**
 * Hears about a batch as it runs (the command line shows a progress bar or plain lines): tasks
 * started and finished, and — for tasks computed in this JVM — each epoch of an iteratively
 * trained model ({@link #epoch}, from the worker threads, concurrently; a remote engine's tasks
 * report none).
 */
public interface Progress extends EpochListener {

    /** A running task finished an epoch; ignored unless overridden. Must be thread-safe and quick. */
    @Override
    default void epoch(String taskId, int fold, FitProgress.Epoch report) {
    }

    /** Before the first task: how many tasks there are, and how many were found finished already. */
    void started(int tasks, int cached);

    /** A task finished (or was found finished, {@code cached}); called from one thread at a time. */
    void finished(TaskResult result, double seconds, boolean cached);

    /** A line about work after the tasks (the null-data canary). */
    void note(String line);

    /** After the last task. */
    void done();

    /** Hears nothing. */
    Progress NONE = new Progress() {
        @Override
        public void started(int tasks, int cached) {
        }

        @Override
        public void finished(TaskResult result, double seconds, boolean cached) {
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void done() {
        }
    };
}
