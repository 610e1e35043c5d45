package dev.foresight.run.engine;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The engines this JVM can run: the local one, and every {@link EngineProvider} on the class path. */
public final class Engines {

    /** The default engine's name. */
    public static final String LOCAL = "local";

    private Engines() {
    }

    /** Every engine by name. */
    public static Map<String, EngineProvider> available() {
        Map<String, EngineProvider> out = new TreeMap<>();
        out.put(LOCAL, LocalEngine.PROVIDER);
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    /**
     * The engine called {@code name}, made with {@code settings}.
     *
     * @throws UserError naming the engines there are, when none is called so
     */
    public static Engine create(String name, EngineSettings settings) {
        EngineProvider p = available().get(name);
        if (p == null) {
            throw new UserError(Location.of("--engine"), "no engine '" + name + "'; available: "
                    + String.join(", ", available().keySet()) + " (another engine's jar must be on the class path)");
        }
        return p.create(settings);
    }
}
