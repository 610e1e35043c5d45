package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a task produced forecasts. Written as {@code "ok"} or {@code "failed"}, as the task files
 * and {@code results.json} have always held it.
 */
public enum TaskStatus {
    /** Fitted, forecast and backtested: the task has bars. */
    OK,
    /** The task threw: it has an error and no bars; the batch went on without it. */
    FAILED;

    /** The name in result files. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code text}; anything else is refused. */
    @JsonCreator
    public static TaskStatus of(String text) {
        for (TaskStatus s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status is ok or failed, got " + text);
    }

    @Override
    public String toString() {
        return json();
    }
}
