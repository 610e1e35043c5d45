package dev.foresight.run.engine;

import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.PluginSpec;
import dev.foresight.feature.FeatureSet;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.NamedRegimeDetector;
import dev.foresight.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the fold pipeline of one experiment × model from the batch spec. */
public final class Pipelines {

    private Pipelines() {
    }

    public static Pipeline of(ExperimentSpec e, ModelSpec m, long seed) {
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
        Pipeline p = of(e, m, seed);
        return new Pipeline(p.target(), p.features(), p.scaling(), p.modelName(), p.model(), p.strategy(), List.of(), seed);
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
