package dev.foresight.run.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the command line says about the engine: {@code workers} ({@code --workers}, the cores the
 * user gives this run), engine-specific {@code options} such as {@code master}
 * ({@code --master URL}), and the plugin path in force ({@code --plugins}, {@code FORESIGHT_PLUGINS},
 * the {@code plugins/} folder: absolute jars and class directories, each checked readable), which
 * an engine whose workers run in other JVMs must ship to them. An engine refuses options it does
 * not know.
 */
public record EngineSettings(int workers, Map<String, String> options, List<Path> plugins) {

    public EngineSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        options = Collections.unmodifiableMap(new TreeMap<>(options));
        plugins = List.copyOf(plugins);
    }

    /** No plugin path: the plugins on the class path only. */
    public EngineSettings(int workers, Map<String, String> options) {
        this(workers, options, List.of());
    }
}
