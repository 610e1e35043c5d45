package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who computes a batch's tasks. {@link BatchRunner} plans the tasks, finds those already finished
 * (their cache keys), and hands an engine only the rest as {@link WorkUnit}s; the engine hands back
 * each task's result as it finishes ({@link Computed}) and the runner — on this JVM only — writes
 * it into the result directory. So every engine gives the same files, and a killed run loses only
 * the tasks in flight.
 *
 * <p>{@link #LOCAL}, the default, is the runner's own thread pool. Other engines (Spark, in the
 * {@code spark-engine} module) run each unit elsewhere through {@link WorkUnits#execute}.
 */
public interface Engine {

    /** A short name for messages and the manifest: {@code local}, {@code spark}. */
    String name();

    /**
     * Computes every unit of {@code work}, calling {@code sink} once per task as each finishes
     * (from one thread at a time), and returns when all have; a failure of the engine itself (not
     * of a task, which is a failed result) is thrown.
     */
    void execute(Work work, Consumer<Computed> sink);

    /**
     * What the manifest records about this engine (a non-local one): its name and the settings
     * that can change results' last bits or explain timings (master, executor threads...).
     */
    default Map<String, Object> provenance() {
        return Map.of("name", name());
    }

    /** What to compute: the batch, the units not found finished, every experiment's data, the code's fingerprint. */
    record Work(BatchSpec batch, List<WorkUnit> units, Map<String, LoadedData> data, String codeFingerprint) {
        public Work {
            units = List.copyOf(units);
            data = Map.copyOf(data);
        }
    }

    /**
     * One finished task, as it travels back from wherever it ran: the task file's path relative to
     * the result directory, its exact bytes, and how long fitting, predicting and the whole task
     * took there.
     */
    record Computed(String relativePath, byte[] json, long fitNanos, long predictNanos, long totalNanos)
            implements Serializable {
        public Computed {
            if (relativePath.startsWith("/") || relativePath.contains("..")) {
                throw new IllegalArgumentException("not a path inside a result directory: " + relativePath);
            }
        }

        /** The result, read back from its bytes. */
        public TaskResult result() {
            try {
                return ResultJson.mapper().readValue(json, TaskResult.class);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable result for " + relativePath, e);
            }
        }
    }

    /** The runner's own thread pool ({@code --workers} threads); the runner runs it itself. */
    Engine LOCAL = new Engine() {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public void execute(Work work, Consumer<Computed> sink) {
            throw new UnsupportedOperationException("the local pool runs inside BatchRunner");
        }
    };
}
