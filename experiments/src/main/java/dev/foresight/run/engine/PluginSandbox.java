package dev.foresight.run.engine;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.PluginSpec;
import dev.foresight.feature.FeatureSet;
import dev.foresight.isolation.IsolatedLoader;
import dev.foresight.isolation.PluginClassPath;
import dev.foresight.isolation.StaticState;
import dev.foresight.leakage.Isolation;
import dev.foresight.model.Model;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.pipeline.SizingVolatility;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.regime.RegimeDetector;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a batch's plugins run. Each task (a warm-start chain: each job) gets its third-party plugin
 * classes from a class loader of its own, and each check's recomputation from another; plugin
 * instances are created anew in that loader from their kind and resolved parameters. So a static
 * field, cache or singleton a plugin fills in one fold cannot reach another fold, task or check,
 * and what it did fill is reported by {@link StaticState}. Isolated are the classes of the jars and
 * directories third-party providers come from ({@code --plugins}, {@code FORESIGHT_PLUGINS},
 * {@code plugins/}, or any other code source on the class path); the framework, the JDK, libraries
 * and the built-in {@code strategies} module are loaded once and shared: the built-ins hold no
 * mutable static state, by a rule tested on their compiled classes (see {@link PluginClassPath}).
 */
public final class PluginSandbox {

    /** A class of each built-in plugin module: the strategies module, whose jar is shared, not isolated. */
    static final List<Class<?>> BUILT_IN = List.of(dev.foresight.strategies.baseline.RandomWalkProvider.class);

    private final PluginRegistry base;
    private final PluginClassPath path;
    private final dev.foresight.leakage.SharedInputs shared = new dev.foresight.leakage.SharedInputs();

    private PluginSandbox(PluginRegistry base, PluginClassPath path) {
        this.base = base;
        this.path = path;
    }

    /** The sandbox of the plugins {@code batch} was built from. */
    public static PluginSandbox of(BatchSpec batch) {
        ClassLoader parent = parent(batch);
        PluginRegistry base = PluginRegistry.discover(parent);
        List<Class<?>> classes = new ArrayList<>();
        for (PluginProvider<?> p : base.all()) {
            classes.add(p.getClass());
        }
        // -Dforesight.isolation=off: plugin classes shared by all tasks (bench/leakage's baseline only)
        return new PluginSandbox(base, "off".equals(System.getProperty("foresight.isolation"))
                ? PluginClassPath.none(parent) : PluginClassPath.of(parent, classes, BUILT_IN));
    }

    /** A new loader for one task, or one warm-start chain. */
    public IsolatedLoader newLoader(String purpose) {
        return path.newLoader(purpose);
    }

    /**
     * The pipeline of {@code e} × {@code m} with every plugin created from {@code loader}'s classes;
     * a volatility model the strategy is sized by is built with the same seed.
     */
    public Pipeline pipeline(ExperimentSpec e, ModelSpec m, long seed, ClassLoader loader) {
        return pipeline(e, m, seed, seed, loader);
    }

    /**
     * The same, the strategy's volatility model (if it names one other than {@code m}) built with
     * {@code volatilitySeed}: its own task's seed for the fold, so that it forecasts what it does there.
     */
    public Pipeline pipeline(ExperimentSpec e, ModelSpec m, long seed, long volatilitySeed, ClassLoader loader) {
        Pipeline p = bare(e, m, seed, loader);
        return Pipelines.volatilityModel(e, m)
                .map(v -> p.sizedBy(new SizingVolatility(v.label(), bare(e, v, volatilitySeed, loader).withoutRegimes())))
                .orElse(p);
    }

    private Pipeline bare(ExperimentSpec e, ModelSpec m, long seed, ClassLoader loader) {
        Model model = recreate(Model.class, m.model(), loader);
        List<NamedFeatureSet> features = new ArrayList<>();
        List<NamedFeatureSet> configured = Pipelines.featureSets(e);
        for (int i = 0; i < configured.size(); i++) {
            features.add(new NamedFeatureSet(configured.get(i).name(), recreate(FeatureSet.class, e.features().get(i), loader)));
        }
        List<FeatureSet> required = model.requiredFeatures();
        for (int i = 0; i < required.size(); i++) {
            features.add(new NamedFeatureSet(m.label() + ":" + (i + 1), required.get(i)));
        }
        List<NamedRegimeDetector> regimes = e.regimes().stream().map(r -> new NamedRegimeDetector(r.name(),
                recreate(RegimeDetector.class, r.detector(), loader), r.detector().location())).toList();
        return new Pipeline(recreate(Target.class, e.target(), loader), features, m.scaling(), m.label(), model,
                e.strategy().map(s -> recreate(Strategy.class, s, loader)), regimes, seed);
    }

    /**
     * A task's isolation: the checks' pipeline from a further new loader each time, and the static
     * state of {@code taskLoader}'s classes compared with a pristine copy.
     */
    public Isolation isolation(ExperimentSpec e, ModelSpec m, long seed, IsolatedLoader taskLoader) {
        return new Isolation(() -> pipeline(e, m, seed, newLoader("check")), () -> StaticState.changes(taskLoader, path),
                shared, e.name());
    }

    @SuppressWarnings("unchecked")
    private <T> T recreate(Class<T> contract, PluginSpec<T> spec, ClassLoader loader) {
        PluginProvider<T> original = base.provider(contract, spec.kind(), spec.location());
        PluginProvider<T> provider;
        try {
            provider = (PluginProvider<T>) Class.forName(original.getClass().getName(), true, loader)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError ex) {
            throw new IllegalStateException("cannot load plugin " + original.getClass().getName() + " afresh: " + ex, ex);
        }
        return provider.create(Parameters.of(provider, spec.parameters()));
    }

    /**
     * The loader the batch's plugins were found by: the one {@link PluginRegistry#discover()} uses
     * (the context class loader, over any plugin jars, when set).
     */
    private static ClassLoader parent(BatchSpec batch) {
        return PluginRegistry.defaultLoader();
    }
}
