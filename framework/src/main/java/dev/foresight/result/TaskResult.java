package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored result of one (experiment × model × fold) task. Deterministic: the same inputs give
 * byte-identical files (timings are kept apart, in the run's {@code timings.json}). A failed
 * task has {@link TaskStatus#FAILED}, an {@code error} and no bars.
 *
 * <p>The fields come in small groups — which model ({@link Subject}), what it forecast over which
 * fold ({@link Window}), whether it ran ({@link Outcome}), what it was fitted on ({@link Fit}), what
 * it forecast ({@link Forecasts}) — each unwrapped into the file, so the JSON is the flat object it
 * always was (same keys, same order, same bytes) while a call site names what it passes.
 *
 * <p>{@code execution} names when positions were traded ({@code next-open}); null, and left out
 * of the file, means at the close (the default), so results from before executions existed read
 * the same and keep their bytes.
 *
 * @param inputsSha256 the task's cache key: the digest of everything its result depends on
 */
public record TaskResult(int schema, String taskId, @JsonUnwrapped Subject subject, @JsonUnwrapped Window window,
                         @JsonUnwrapped Outcome outcome, @JsonUnwrapped Fit fit, @JsonUnwrapped Forecasts forecasts,
                         List<CheckOutcome> checks, String inputsSha256,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String execution) {

    public static final int SCHEMA = 1;
    /** Shorthands for the {@link TaskStatus} values. */
    public static final TaskStatus OK = TaskStatus.OK;
    public static final TaskStatus FAILED = TaskStatus.FAILED;

    public TaskResult {
        if (subject == null || window == null || outcome == null || fit == null || forecasts == null) {
            throw new IllegalArgumentException("a task result has its subject, window, outcome, fit and forecasts");
        }
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A result traded at the close. */
    public TaskResult(int schema, String taskId, Subject subject, Window window, Outcome outcome, Fit fit,
                      Forecasts forecasts, List<CheckOutcome> checks, String inputsSha256) {
        this(schema, taskId, subject, window, outcome, fit, forecasts, checks, inputsSha256, null);
    }

    /**
     * Which model ran: the experiment, the model's name there, its plugin kind and parameters, and
     * the seed it was fitted with.
     */
    public record Subject(String experiment, String model, String modelKind, Map<String, Object> modelParameters,
                          long seed) {
        public Subject {
            modelParameters = modelParameters == null ? Map.of() : new TreeMap<>(modelParameters);
        }
    }

    /** What was forecast ({@code target}, {@code horizon} bars ahead) over which fold's windows. */
    public record Window(String target, int horizon, FoldWindow fold) {
    }

    /** Whether the task ran; a failed one says why. */
    public record Outcome(TaskStatus status, String error) {
        public static final Outcome SUCCEEDED = new Outcome(TaskStatus.OK, null);

        public Outcome {
            if (status == null) {
                throw new IllegalArgumentException("status is ok or failed, got null");
            }
        }

        public static Outcome failed(String error) {
            return new Outcome(TaskStatus.FAILED, error);
        }
    }

    /**
     * What the model was fitted on: the feature columns, the scaler (method and its fitted shift and
     * scale per column), the rows it fitted and validated on, and the training rows dropped because
     * a feature or the model's window was still warming up.
     */
    public record Fit(List<String> features, String scaling, List<Double> scalerShift, List<Double> scalerScale,
                      int fitRows, int validationRows, int rowsDroppedForWarmUp) {
        public Fit {
            features = features == null ? List.of() : List.copyOf(features);
            scalerShift = scalerShift == null ? List.of() : List.copyOf(scalerShift);
            scalerScale = scalerScale == null ? List.of() : List.copyOf(scalerScale);
        }

        /** No fit happened (a failed task): the configured scaling only. */
        public static Fit none(String scaling) {
            return new Fit(List.of(), scaling, List.of(), List.of(), 0, 0, 0);
        }
    }

    /**
     * What came out: whether the bars carry traded positions, the fit's diagnostics (epochs,
     * losses, GARCH parameters), and the test bars. (Diagnostics sit here, not in {@link Fit},
     * because the file has always listed them between {@code traded} and {@code bars}.)
     */
    public record Forecasts(boolean traded, Map<String, Object> diagnostics, List<BarRecord> bars) {
        public Forecasts {
            diagnostics = diagnostics == null ? Map.of() : new TreeMap<>(diagnostics);
            bars = bars == null ? List.of() : List.copyOf(bars);
        }
    }

    // The questions asked of a task everywhere, answered without naming its group.

    public String experiment() {
        return subject.experiment();
    }

    public String model() {
        return subject.model();
    }

    public String target() {
        return window.target();
    }

    public int horizon() {
        return window.horizon();
    }

    public FoldWindow fold() {
        return window.fold();
    }

    public TaskStatus status() {
        return outcome.status();
    }

    public String error() {
        return outcome.error();
    }

    public boolean traded() {
        return forecasts.traded();
    }

    public Map<String, Object> diagnostics() {
        return forecasts.diagnostics();
    }

    public List<BarRecord> bars() {
        return forecasts.bars();
    }

    /** The execution rule's YAML name, {@code close} when none was recorded. */
    public String executionRule() {
        return execution == null ? "close" : execution;
    }

    public boolean ok() {
        return outcome.status() == TaskStatus.OK;
    }

    /** Whether a leakage check failed on this task. */
    public boolean leaking() {
        return checks.stream().anyMatch(CheckOutcome::failed);
    }
}
