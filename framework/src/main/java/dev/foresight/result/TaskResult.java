package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The stored result of one (experiment × model × fold) task. Deterministic: the same inputs give
 * byte-identical files (timings are kept apart, in the run's {@code timings.json}). A failed
 * task has {@link TaskStatus#FAILED}, an {@code error} and no bars.
 *
 * <p>{@code execution} names when positions were traded ({@code next-open}); null, and left out
 * of the file, means at the close (the default), so results from before executions existed read
 * the same and keep their bytes.
 */
public record TaskResult(int schema, String taskId, String experiment, String model, String modelKind,
                         Map<String, Object> modelParameters, long seed, String target, int horizon, FoldWindow fold, TaskStatus status,
                         String error, List<String> features, String scaling, List<Double> scalerShift,
                         List<Double> scalerScale, int fitRows, int validationRows, int rowsDroppedForWarmUp,
                         boolean traded, Map<String, Object> diagnostics, List<BarRecord> bars,
                         List<CheckOutcome> checks, String inputsSha256,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String execution) {

    public static final int SCHEMA = 1;
    /** Shorthands for the {@link TaskStatus} values. */
    public static final TaskStatus OK = TaskStatus.OK;
    public static final TaskStatus FAILED = TaskStatus.FAILED;

    public TaskResult {
        modelParameters = modelParameters == null ? Map.of() : new java.util.TreeMap<>(modelParameters);
        diagnostics = diagnostics == null ? Map.of() : new java.util.TreeMap<>(diagnostics);
        features = features == null ? List.of() : List.copyOf(features);
        scalerShift = scalerShift == null ? List.of() : List.copyOf(scalerShift);
        scalerScale = scalerScale == null ? List.of() : List.copyOf(scalerScale);
        bars = bars == null ? List.of() : List.copyOf(bars);
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (status == null) {
            throw new IllegalArgumentException("status is ok or failed, got null");
        }
    }

    /** A result traded at the close. */
    public TaskResult(int schema, String taskId, String experiment, String model, String modelKind,
                      Map<String, Object> modelParameters, long seed, String target, int horizon, FoldWindow fold,
                      TaskStatus status, String error, List<String> features, String scaling, List<Double> scalerShift,
                      List<Double> scalerScale, int fitRows, int validationRows, int rowsDroppedForWarmUp,
                      boolean traded, Map<String, Object> diagnostics, List<BarRecord> bars,
                      List<CheckOutcome> checks, String inputsSha256) {
        this(schema, taskId, experiment, model, modelKind, modelParameters, seed, target, horizon, fold, status, error,
                features, scaling, scalerShift, scalerScale, fitRows, validationRows, rowsDroppedForWarmUp, traded,
                diagnostics, bars, checks, inputsSha256, null);
    }

    /** The execution rule's YAML name, {@code close} when none was recorded. */
    public String executionRule() {
        return execution == null ? "close" : execution;
    }

    public boolean ok() {
        return status == TaskStatus.OK;
    }

    /** Whether a leakage check failed on this task. */
    public boolean leaking() {
        return checks.stream().anyMatch(CheckOutcome::failed);
    }
}
