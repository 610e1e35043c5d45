package dev.foresight.run.engine;

import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.io.IOException;
import java.util.Objects;

/**
 * What became of one planned task. An engine delivers {@link Computed} and {@link Failed}; the
 * driver makes {@link Cached} for tasks its result store already holds. A failed task is a value
 * like any other: its file (status {@code failed}, the error naming the model and fold) is written
 * and the batch goes on.
 */
public sealed interface TaskOutcome {

    PlannedTask task();

    /** The task's result as stored. */
    TaskResult result();

    /** The task ran and produced a result. {@code json} is the task file's content, byte for byte. */
    record Computed(PlannedTask task, TaskResult result, byte[] json, TaskTiming timing) implements TaskOutcome {
        public Computed {
            Objects.requireNonNull(result, "result");
            if (!result.ok()) {
                throw new IllegalArgumentException(task.id() + " failed: not a computed outcome");
            }
        }
    }

    /** The task ran and failed; {@code json} is its failed task file. */
    record Failed(PlannedTask task, TaskResult result, byte[] json, TaskTiming timing) implements TaskOutcome {
        public Failed {
            Objects.requireNonNull(result, "result");
            if (result.ok()) {
                throw new IllegalArgumentException(task.id() + " did not fail: not a failed outcome");
            }
        }

        public String error() {
            return result.error();
        }
    }

    /** An earlier run into the same directory finished the task with the same cache key. */
    record Cached(PlannedTask task, TaskResult result) implements TaskOutcome {
        public Cached {
            Objects.requireNonNull(result, "result");
        }
    }

    /** Decodes what a (possibly remote) unit runner returned. */
    public static TaskOutcome of(TaskFile file) {
        TaskResult result;
        try {
            result = ResultJson.mapper().readValue(file.json(), TaskResult.class);
        } catch (IOException e) {
            throw new IllegalStateException("the task file of " + file.task().id() + " does not parse: " + e.getMessage(), e);
        }
        if (!result.taskId().equals(file.task().id())) {
            throw new IllegalStateException("a result for " + result.taskId() + " came back as " + file.task().id());
        }
        return file.failed() ? new Failed(file.task(), result, file.json(), file.timing())
                : new Computed(file.task(), result, file.json(), file.timing());
    }

    /** The wire form of a computed or failed outcome. */
    default TaskFile toFile() {
        if (this instanceof Computed c) {
            return new TaskFile(c.task(), c.json(), false, c.timing());
        }
        if (this instanceof Failed f) {
            return new TaskFile(f.task(), f.json(), true, f.timing());
        }
        throw new IllegalStateException(task().id() + " was not computed here");
    }
}
