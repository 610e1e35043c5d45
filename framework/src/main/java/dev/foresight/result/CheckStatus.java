package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a leakage check ended on one task. Written as its lower-case name ({@code "passed"}), the
 * word the task files, {@code canary.json} and the results database have always held.
 */
public enum CheckStatus {
    /** No evidence of leakage. */
    PASSED,
    /** Evidence of leakage: the run is marked red and, by default, fails. */
    FAILED,
    /** Could not judge, or a flag that needs a human (implausible skill): reported, never fatal. */
    WARNING;

    /** The name in result files. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written as {@code text}; anything else is refused, naming the three. */
    @JsonCreator
    public static CheckStatus of(String text) {
        for (CheckStatus s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status is passed, failed or warning, got " + text);
    }

    @Override
    public String toString() {
        return json();
    }
}
