package dev.foresight.plugin;

import java.util.List;

/**
 * How a plugin makes itself known. Implementations are listed in
 * {@code META-INF/services/dev.foresight.plugin.PluginProvider} and found by {@link java.util.ServiceLoader};
 * a third party adds a model by putting such a jar on the classpath.
 *
 * @param <T> the contract the plugin implements ({@code Model.class}, {@code FeatureSet.class}, ...)
 */
public interface PluginProvider<T> {

    /** The contract this provider makes instances of. */
    Class<T> contract();

    /** The short name used in YAML ({@code kind: ar}); lower-case, words joined by '-'. */
    String kind();

    /** One line saying what the plugin does. */
    String description();

    /** Every parameter, with its default; {@link Parameters#resolve} enforces them. */
    List<ParameterSpec> parameters();

    /** A configured instance; may throw {@link dev.foresight.error.UserError} via {@link Parameters#error}. */
    T create(Parameters parameters);
}
