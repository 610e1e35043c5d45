package dev.foresight.data;

import java.util.Locale;

/** The columns a daily price series can carry. {@link #CLOSE} is always present. */
public enum Column {
    OPEN, HIGH, LOW, CLOSE, ADJ_CLOSE, VOLUME;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
