package dev.foresight.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes an {@link Engine} other than the local pool; found through {@link ServiceLoader}, so an
 * engine's module (and its dependencies: Spark is ~180 MB) is on the class path only of the
 * launcher that needs it, and the default {@code foresight} launcher never loads it.
 */
public interface EngineProvider {

    /** The value of {@code foresight run --engine} that selects it. */
    String name();

    /**
     * The engine for one run. {@code batchFile} and {@code overrides} are what the command line
     * gave (an engine that runs tasks on other JVMs rebuilds the batch there from them);
     * {@code master} is {@code --master}, or empty; {@code workers} is {@code --workers}, or empty.
     */
    Engine create(Path batchFile, List<String> overrides, Optional<String> master, Optional<Integer> workers);

    /** The provider named {@code name} on this class path, if any. */
    static Optional<EngineProvider> find(String name) {
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
