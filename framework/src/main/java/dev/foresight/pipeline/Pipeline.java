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
                       Model model, Optional<Strategy> strategy, List<NamedRegimeDetector> regimes, long seed,
                       Optional<SizingVolatility> volatility) {

    /**
     * @param volatility the model whose variance forecasts size the strategy's positions, when the
     *                   strategy names one other than this model ({@link Strategy#volatilityModel()})
     */
    public Pipeline {
        features = List.copyOf(features);
        regimes = List.copyOf(regimes);
        if (strategy.isPresent() && !target.directional()) {
            throw new IllegalArgumentException("target " + target.name() + " has no direction to trade on");
        }
        if (volatility.isPresent() && !strategy.flatMap(Strategy::volatilityModel).equals(volatility.map(SizingVolatility::name))) {
            throw new IllegalArgumentException("volatility model " + volatility.get().name()
                    + " given to a strategy that is not sized by it");
        }
    }

    /** A pipeline whose strategy, if any, is sized by this model's own forecasts. */
    public Pipeline(Target target, List<NamedFeatureSet> features, ScalingMethod scaling, String modelName,
                    Model model, Optional<Strategy> strategy, List<NamedRegimeDetector> regimes, long seed) {
        this(target, features, scaling, modelName, model, strategy, regimes, seed, Optional.empty());
    }

    /**
     * The same pipeline without regime detectors: a volatility model's pipeline (its regime labels
     * are never read) and the null-data canary's (no regime is judged on noise).
     */
    public Pipeline withoutRegimes() {
        return new Pipeline(target, features, scaling, modelName, model, strategy, List.of(), seed, volatility);
    }

    /** The same pipeline, its strategy sized by {@code volatility}. */
    public Pipeline sizedBy(SizingVolatility volatility) {
        return new Pipeline(target, features, scaling, modelName, model, strategy, regimes, seed, Optional.of(volatility));
    }

}
