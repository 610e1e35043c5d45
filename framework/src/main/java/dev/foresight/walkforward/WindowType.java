package dev.foresight.walkforward;

import java.util.Locale;

/** How the training window moves from fold to fold. */
public enum WindowType {
    /** Every fold trains from bar 0 up to its training end. */
    EXPANDING,
    /** Every fold trains on the same number of most recent bars. */
    ROLLING;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
