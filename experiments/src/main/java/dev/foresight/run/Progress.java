package dev.foresight.run;

import dev.foresight.result.TaskResult;

/** Hears about a batch as it runs (the command line shows a progress bar or plain lines). */
public interface Progress {

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
