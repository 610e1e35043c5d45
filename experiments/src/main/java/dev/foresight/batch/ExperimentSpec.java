package dev.foresight.batch;

import dev.foresight.backtest.CostModel;
import dev.foresight.feature.FeatureSet;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.List;
import java.util.Optional;

/**
 * One experiment of a batch: data, target, features, walk-forward plan, trading rule and costs,
 * regime detectors, and the models compared under identical conditions.
 */
public record ExperimentSpec(String name, DataSpec data, PluginSpec<Target> target, List<PluginSpec<FeatureSet>> features,
                             WalkForwardPlan plan, dev.foresight.error.Location planLocation,
                             Optional<PluginSpec<Strategy>> strategy, CostModel costs, List<RegimeSpec> regimes,
                             List<ModelSpec> models,
                             dev.foresight.leakage.LeakageSettings leakage) {

    public ExperimentSpec {
        features = List.copyOf(features);
        regimes = List.copyOf(regimes);
        models = List.copyOf(models);
    }
}
