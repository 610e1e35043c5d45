package dev.foresight.plugin;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A provider described by values: contract, kind, description, parameters and a factory.
 * Subclasses only pass these to the constructor (ServiceLoader needs a public no-argument class):
 * <pre>
 * public final class ArProvider extends SimpleProvider&lt;Model&gt; {
 *     public ArProvider() {
 *         super(Model.class, "ar", "AR(p) by least squares", List.of(P), p -&gt; new ArModel(p.integer("p")));
 *     }
 * }
 * </pre>
 */
public abstract class SimpleProvider<T> implements PluginProvider<T> {

    private final Class<T> contract;
    private final String kind;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final Function<Parameters, T> factory;

    protected SimpleProvider(Class<T> contract, String kind, String description, List<ParameterSpec> parameters,
                             Function<Parameters, T> factory) {
        this.contract = Objects.requireNonNull(contract);
        if (kind == null || !kind.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a kind is lower-case words joined by '-': " + kind);
        }
        this.kind = kind;
        this.description = Objects.requireNonNull(description);
        this.parameters = List.copyOf(parameters);
        this.factory = Objects.requireNonNull(factory);
    }

    @Override
    public final Class<T> contract() {
        return contract;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public T create(Parameters p) {
        return factory.apply(p);
    }
}
