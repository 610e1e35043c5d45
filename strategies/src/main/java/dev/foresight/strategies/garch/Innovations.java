package dev.foresight.strategies.garch;

import java.util.List;

/**
 * The distribution of the standardised residual {@code z = e / σ}: standard normal, or Student-t
 * rescaled to unit variance with ν &gt; 2 degrees of freedom estimated (fGarch's {@code "std"}).
 */
public enum Innovations {
    NORMAL, STUDENT_T;

    public static final List<String> CHOICES = List.of("normal", "t");

    public String yamlName() {
        return this == NORMAL ? "normal" : "t";
    }

    public static Innovations of(String yamlName) {
        return switch (yamlName) {
            case "normal" -> NORMAL;
            case "t" -> STUDENT_T;
            default -> throw new IllegalArgumentException("innovations: normal or t, got " + yamlName);
        };
    }
}
