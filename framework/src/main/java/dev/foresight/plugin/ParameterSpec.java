package dev.foresight.plugin;

import java.util.List;
import java.util.Locale;

/**
 * One parameter a plugin accepts in YAML: its name, type, default (null = required), allowed
 * range or choices, and what it means. {@code foresight plugins} prints these.
 */
public record ParameterSpec(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
                            String description) {

    /** The value types YAML parameters can have. */
    public enum Type { INTEGER, REAL, BOOLEAN, CHOICE, TEXT, INTEGER_LIST, REAL_LIST, TEXT_LIST }

    public ParameterSpec {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter names are snake_case: " + name);
        }
        choices = List.copyOf(choices);
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice parameter needs choices");
        }
        if (min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
    }

    public static ParameterSpec integer(String name, Integer defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    public static ParameterSpec real(String name, Double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, Type.REAL, defaultValue, min, max, List.of(), description);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.BOOLEAN, defaultValue, 0, 0, List.of(), description);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, Type.CHOICE, defaultValue, 0, 0, choices, description);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Type.TEXT, defaultValue, 0, 0, List.of(), description);
    }

    public static ParameterSpec integers(String name, List<Integer> defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, Type.INTEGER_LIST, defaultValue, min, max, List.of(), description);
    }

    public static ParameterSpec reals(String name, List<Double> defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, Type.REAL_LIST, defaultValue, min, max, List.of(), description);
    }

    /**
     * A list of texts that the plugin parses itself (reporting mistakes with
     * {@link Parameters#error}). In YAML it is a list of strings, or a mapping of scalars
     * {@code {a: x, b: y}}, which arrives as the texts {@code "a: x"}, {@code "b: y"} in order.
     */
    public static ParameterSpec texts(String name, List<String> defaultValue, String description) {
        return new ParameterSpec(name, Type.TEXT_LIST, defaultValue, 0, 0, List.of(), description);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** A short human description of the allowed values, used in errors and listings. */
    public String rule() {
        return switch (type) {
            case INTEGER, INTEGER_LIST -> (type == Type.INTEGER_LIST ? "a list of integers" : "an integer")
                    + range(String.valueOf((long) min), String.valueOf((long) max));
            case REAL, REAL_LIST -> (type == Type.REAL_LIST ? "a list of numbers" : "a number")
                    + range(fmt(min), fmt(max));
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "text";
            case TEXT_LIST -> "a list of texts (or a mapping of name: value)";
        };
    }

    private String range(String lo, String hi) {
        boolean hasMin = min != -Double.MAX_VALUE && min != Integer.MIN_VALUE;
        boolean hasMax = max != Double.MAX_VALUE && max != Integer.MAX_VALUE;
        if (hasMin && hasMax) {
            return " in [" + lo + ", " + hi + "]";
        }
        if (hasMin) {
            return " ≥ " + lo;
        }
        return hasMax ? " ≤ " + hi : "";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
