package dev.foresight.run.engine;

import java.io.Serializable;

/**
 * Where a computed task's time went, in nanoseconds. Timings go to {@code timings.json}, never
 * into the task file, so task files stay byte-identical from run to run.
 */
public record TaskTiming(long fitNanos, long predictNanos, long totalNanos) implements Serializable {

    public static final TaskTiming NONE = new TaskTiming(0, 0, 0);

    public TaskTiming {
        if (fitNanos < 0 || predictNanos < 0 || totalNanos < 0) {
            throw new IllegalArgumentException("timings are non-negative");
        }
    }
}
