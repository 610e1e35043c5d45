package dev.foresight.data.csv;

import java.util.Locale;

/**
 * What the loader does with a missing cell ({@code null}, {@code .}, empty, {@code -},
 * {@code NaN}): stop with a located error, or drop the whole row and count it in
 * {@link dev.foresight.data.DataNotes#droppedMissing()}. There is deliberately no "fill"
 * policy: a forward-filled price is an invented price.
 */
public enum MissingPolicy {
    /** A missing cell in any mapped column is a {@link dev.foresight.error.UserError} naming the cell. */
    ERROR,
    /**
     * A row with a missing cell in any mapped column (volume included) is dropped whole; the
     * date cell is never droppable, a missing date is always an error.
     */
    DROP;

    /** The YAML spelling: {@code error} or {@code drop}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the YAML spelling, case-insensitively; throws naming the accepted values. */
    public static MissingPolicy fromYamlName(String name) {
        for (MissingPolicy p : values()) {
            if (p.yamlName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("missing policy must be 'error' or 'drop', got '" + name + "'");
    }
}
