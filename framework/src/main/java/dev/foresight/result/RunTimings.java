package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code timings.json}: where a run's wall time went. Kept out of the task files
 * (which must be byte-identical from run to run) because no two runs take the same time.
 *
 * @param wallMs   the whole command up to this file, in milliseconds
 * @param workers  the engine's parallelism
 * @param phasesMs the run's phases; the report comes after this file is written
 * @param tasks    per task id, in id order
 */
@JsonPropertyOrder(alphabetic = true) // the file's layout since it was written from sorted maps
public record RunTimings(@JsonProperty("wall_ms") long wallMs, int workers, @JsonProperty("phases_ms") Phases phasesMs,
                         Map<String, Task> tasks) {

    public RunTimings {
        if (phasesMs == null) {
            throw new IllegalArgumentException("phases_ms is required");
        }
        tasks = tasks == null ? Map.of() : new TreeMap<>(tasks);
    }

    /**
     * Milliseconds per phase: loading and planning; the task phase (finding earlier results,
     * running the rest); the null-data canary; the summary.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record Phases(long prepare, long tasks, long canary, long summary) {
    }

    /** One task: reused from an earlier run ({@code cached}, all times 0), or where its time went. */
    @JsonPropertyOrder(alphabetic = true)
    public record Task(boolean cached, @JsonProperty("fit_ms") double fitMs, @JsonProperty("predict_ms") double predictMs,
                       @JsonProperty("total_ms") double totalMs) {
    }
}
