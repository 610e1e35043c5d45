package dev.foresight.run.engine;

/**
 * Makes an engine; found by {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.foresight.run.engine.EngineProvider}), so an engine can live in its own
 * module and jar and the launcher loads it only when it is on the class path.
 */
public interface EngineProvider {

    /** The name users choose it by: {@code --engine NAME}. */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * An engine for one run.
     *
     * @throws dev.foresight.error.UserError for settings it cannot use (an unknown option, a bad URL)
     */
    Engine create(EngineSettings settings);
}
