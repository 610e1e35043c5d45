package dev.foresight.plugin;

import dev.foresight.error.Location;
import java.util.List;

/**
 * A parameter as the user wrote it: a scalar's text, or a list of scalar texts, and where it was
 * written. Typing happens in {@link Parameters#resolve}, against the plugin's {@link ParameterSpec}s.
 */
public record ParameterValue(Object raw, Location location) {

    public ParameterValue {
        if (!(raw instanceof String) && !(raw instanceof List<?>)) {
            throw new IllegalArgumentException("a parameter value is a scalar text or a list of texts");
        }
        if (raw instanceof List<?> list) {
            raw = List.copyOf(list.stream().map(String::valueOf).toList());
        }
    }

    public static ParameterValue scalar(String text, Location location) {
        return new ParameterValue(text, location);
    }
}
