package dev.foresight.run.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A computed task as it crosses a JVM boundary: the planned task, the exact bytes of its task
 * file (what the local engine would write, so the driver writes them unchanged), whether it
 * failed, and its timing. {@link TaskOutcome#of(TaskFile)} turns it back into an outcome.
 */
public record TaskFile(PlannedTask task, byte[] json, boolean failed, TaskTiming timing) implements Serializable {

    public TaskFile {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(timing, "timing");
        json = json.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskFile f && task.equals(f.task) && Arrays.equals(json, f.json) && failed == f.failed
                && timing.equals(f.timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, Arrays.hashCode(json), failed, timing);
    }

    @Override
    public String toString() {
        return "TaskFile[" + task.id() + ", " + json.length + " bytes" + (failed ? ", failed" : "") + "]";
    }
}
