package dev.foresight.pipeline;

import dev.foresight.model.Model;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import java.util.List;
import java.util.Optional;

/**
 * Everything one (experiment × model) task runs per fold: target, feature sets, scaling, model,
 * trading rule (absent for a target without direction), regime detectors, and the seed. Plugins
 * carry the names they are reported under, so a leakage check can name the culprit.
 */
public record Pipeline(Target target, List<NamedFeatureSet> features, ScalingMethod scaling, String modelName,
                       Model model, Optional<Strategy> strategy, List<NamedRegimeDetector> regimes, long seed) {

    public Pipeline {
        features = List.copyOf(features);
        regimes = List.copyOf(regimes);
        if (strategy.isPresent() && !target.directional()) {
            throw new IllegalArgumentException("target " + target.name() + " has no direction to trade on");
        }
    }

}
