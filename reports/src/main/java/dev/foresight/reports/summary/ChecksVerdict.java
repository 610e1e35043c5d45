package dev.foresight.reports.summary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The summary's verdict on a model's leakage checks, over all its folds and its null-data canary.
 * Written as the words {@code summary.json}, {@code summary.csv} and the results database have
 * always held: {@code "passed"}, {@code "LEAKING"} (upper case, to stand out in a CSV),
 * {@code "unchecked"}.
 */
public enum ChecksVerdict {
    /** Every check that ran passed. */
    PASSED("passed"),
    /** A check failed on some fold, or the canary found skill on noise (the run finished with --allow-leaks). */
    LEAKING("LEAKING"),
    /** No task of this model ran any check. */
    UNCHECKED("unchecked");

    private final String json;

    ChecksVerdict(String json) {
        this.json = json;
    }

    /** The word in result files. */
    @JsonValue
    public String json() {
        return json;
    }

    /** The verdict written as {@code text}; anything else is refused, naming the three. */
    @JsonCreator
    public static ChecksVerdict of(String text) {
        return Arrays.stream(values()).filter(v -> v.json.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("checks is passed, LEAKING or unchecked, got " + text));
    }

    @Override
    public String toString() {
        return json;
    }
}
