package dev.foresight.run.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the command line says about the engine: {@code workers} ({@code --workers}, the cores the
 * user gives this run) and engine-specific {@code options} such as {@code master}
 * ({@code --master URL}). An engine refuses options it does not know.
 */
public record EngineSettings(int workers, Map<String, String> options) {

    public EngineSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
