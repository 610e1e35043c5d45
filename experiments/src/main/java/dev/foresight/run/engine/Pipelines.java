package dev.foresight.run.engine;

import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.PluginSpec;
import dev.foresight.feature.FeatureSet;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.pipeline.SizingVolatility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the fold pipeline of one experiment × model from the batch spec. */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * The pipeline of {@code e} × {@code m}; a volatility model the strategy is sized by is built
     * with the same seed.
     */
    public static Pipeline of(ExperimentSpec e, ModelSpec m, long seed) {
        Pipeline p = bare(e, m, seed);
        return volatilityModel(e, m).map(v -> p.sizedBy(new SizingVolatility(v.label(), bare(e, v, seed).withoutRegimes()))).orElse(p);
    }

    /**
     * The model of {@code e} whose variance forecasts size {@code m}'s positions: the one the
     * strategy names ({@code volatility_model}), unless that is {@code m} itself (then its own
     * forecasts do) or {@code m} holds a fixed position.
     *
     * @throws IllegalArgumentException when the experiment has no model of that name (validation
     *                                  refuses such a batch first)
     */
    public static Optional<ModelSpec> volatilityModel(ExperimentSpec e, ModelSpec m) {
        Optional<String> named = e.strategy().flatMap(s -> s.instance().volatilityModel());
        if (named.isEmpty() || named.get().equals(m.label()) || m.model().instance().fixedPosition().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(e.models().stream().filter(x -> x.label().equals(named.get())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("experiment " + e.name() + " has no model '"
                        + named.get() + "' (strategy.volatility_model)")));
    }

    private static Pipeline bare(ExperimentSpec e, ModelSpec m, long seed) {
        List<NamedFeatureSet> features = new ArrayList<>(featureSets(e));
        List<FeatureSet> required = m.model().instance().requiredFeatures();
        for (int i = 0; i < required.size(); i++) {
            features.add(new NamedFeatureSet(m.label() + ":" + (i + 1), required.get(i)));
        }
        return new Pipeline(e.target().instance(), features, m.scaling(), m.label(), m.model().instance(),
                e.strategy().map(PluginSpec::instance),
                e.regimes().stream().map(r -> new NamedRegimeDetector(r.name(), r.detector().instance(), r.detector().location()))
                        .toList(), seed);
    }

    /** The same pipeline without regime detectors (the null-data canary needs none). */
    public static Pipeline withoutRegimes(ExperimentSpec e, ModelSpec m, long seed) {
        return of(e, m, seed).withoutRegimes();
    }

    /** Feature sets named by kind, numbered when a kind appears more than once ({@code returns#2}). */
    static List<NamedFeatureSet> featureSets(ExperimentSpec e) {
        Map<String, Integer> seen = new HashMap<>();
        List<NamedFeatureSet> out = new ArrayList<>();
        for (PluginSpec<FeatureSet> f : e.features()) {
            int n = seen.merge(f.kind(), 1, Integer::sum);
            out.add(new NamedFeatureSet(n == 1 ? f.kind() : f.kind() + "#" + n, f.instance()));
        }
        return out;
    }
}
