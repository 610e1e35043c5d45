package dev.foresight.plugin;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every plugin on the classpath, by contract and kind. Built once at start-up and passed in
 * explicitly; there is no static registry.
 */
public final class PluginRegistry {

    private final Map<Class<?>, Map<String, PluginProvider<?>>> byContract;

    private PluginRegistry(List<PluginProvider<?>> providers) {
        Map<Class<?>, Map<String, PluginProvider<?>>> map = new LinkedHashMap<>();
        for (PluginProvider<?> p : providers) {
            PluginProvider<?> clash = map.computeIfAbsent(p.contract(), c -> new LinkedHashMap<>()).put(p.kind(), p);
            if (clash != null) {
                throw new IllegalStateException("two plugins claim " + p.contract().getSimpleName() + " kind '"
                        + p.kind() + "': " + clash.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        this.byContract = map;
    }

    /** Every provider visible to {@code loader} through {@link ServiceLoader}. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<PluginProvider<?>> found = new ArrayList<>();
        for (PluginProvider<?> p : ServiceLoader.load(PluginProvider.class, loader)) {
            found.add(p);
        }
        return new PluginRegistry(found);
    }

    /** Every provider visible to {@link #defaultLoader()}. */
    public static PluginRegistry discover() {
        return discover(defaultLoader());
    }

    /**
     * The loader plugins are found by: the current thread's context class loader when it sees the
     * framework's own classes (the launcher sets it to a loader over the plugin jars), else the
     * framework's loader.
     */
    public static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                if (Class.forName(PluginRegistry.class.getName(), false, context) == PluginRegistry.class) {
                    return context;
                }
            } catch (ClassNotFoundException e) {
                // a foreign context loader: fall back to the framework's
            }
        }
        return PluginRegistry.class.getClassLoader();
    }

    /** A registry of exactly these providers, for tests. */
    public static PluginRegistry of(List<PluginProvider<?>> providers) {
        return new PluginRegistry(providers);
    }

    /** The provider of {@code kind} for {@code contract}, or a located error listing what exists. */
    @SuppressWarnings("unchecked")
    public <T> PluginProvider<T> provider(Class<T> contract, String kind, Location where) {
        Map<String, PluginProvider<?>> kinds = byContract.getOrDefault(contract, Map.of());
        PluginProvider<?> p = kinds.get(kind);
        if (p == null) {
            String hint = Suggestions.closest(kind, kinds.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw new UserError(where, "unknown " + label(contract) + " kind '" + dev.foresight.error.Quote.of(kind) + "'" + hint + "; available: "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds.keySet().stream().sorted().toList())));
        }
        return (PluginProvider<T>) p;
    }

    /** Creates a configured plugin from YAML-given values. */
    public <T> Configured<T> create(Class<T> contract, String kind, Map<String, ParameterValue> given, Location where) {
        PluginProvider<T> p = provider(contract, kind, where);
        Parameters params = Parameters.resolve(p, given, where);
        return new Configured<>(kind, params, p.create(params));
    }

    /** Every provider, grouped by contract then sorted by kind. */
    public List<PluginProvider<?>> all() {
        List<PluginProvider<?>> out = new ArrayList<>();
        byContract.values().forEach(m -> out.addAll(m.values()));
        out.sort(Comparator.<PluginProvider<?>, String>comparing(p -> p.contract().getSimpleName())
                .thenComparing(PluginProvider::kind));
        return out;
    }

    private static String label(Class<?> contract) {
        String n = contract.getSimpleName();
        StringBuilder out = new StringBuilder();
        for (char c : n.toCharArray()) {
            if (Character.isUpperCase(c) && out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** A plugin instance with the kind and resolved parameters it was made from. */
    public record Configured<T>(String kind, Parameters parameters, T instance) {
    }
}
