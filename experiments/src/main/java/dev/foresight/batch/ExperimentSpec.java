package dev.foresight.batch;

import dev.foresight.backtest.CostModel;
import dev.foresight.feature.FeatureSet;
import dev.foresight.strategy.Strategy;
import dev.foresight.target.Target;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment of a batch: data, target, features, walk-forward plan, trading rule and costs,
 * regime detectors, and the models compared under identical conditions. {@code baseline} names the
 * model every other is tested against (Diebold–Mariano, Sharpe difference): the YAML's
 * {@code baseline}, else the first {@code random-walk} model, else the first model.
 * {@code execution} is when positions decided at a close are traded (default: at that close).
 * {@code portfolio} is null for a single-asset experiment; for a portfolio's member it names the
 * portfolio and the member's asset (see {@link PortfolioSpec}).
 */
public record ExperimentSpec(String name, DataSpec data, PluginSpec<Target> target, List<PluginSpec<FeatureSet>> features,
                             WalkForwardPlan plan, dev.foresight.error.Location planLocation,
                             Optional<PluginSpec<Strategy>> strategy, CostModel costs, List<RegimeSpec> regimes,
                             List<ModelSpec> models, String baseline,
                             dev.foresight.leakage.LeakageSettings leakage,
                             dev.foresight.execution.Execution execution, PortfolioSpec portfolio) {

    public ExperimentSpec {
        features = List.copyOf(features);
        regimes = List.copyOf(regimes);
        models = List.copyOf(models);
        Objects.requireNonNull(execution, "execution");
        if (models.stream().noneMatch(m -> m.label().equals(baseline))) {
            throw new IllegalArgumentException("baseline " + baseline + " is not a model of experiment " + name);
        }
    }

    /** An experiment traded at the close. */
    public ExperimentSpec(String name, DataSpec data, PluginSpec<Target> target, List<PluginSpec<FeatureSet>> features,
                          WalkForwardPlan plan, dev.foresight.error.Location planLocation,
                          Optional<PluginSpec<Strategy>> strategy, CostModel costs, List<RegimeSpec> regimes,
                          List<ModelSpec> models, String baseline, dev.foresight.leakage.LeakageSettings leakage) {
        this(name, data, target, features, plan, planLocation, strategy, costs, regimes, models, baseline, leakage,
                dev.foresight.execution.Execution.CLOSE, null);
    }

    /** A single-asset experiment. */
    public ExperimentSpec(String name, DataSpec data, PluginSpec<Target> target, List<PluginSpec<FeatureSet>> features,
                          WalkForwardPlan plan, dev.foresight.error.Location planLocation,
                          Optional<PluginSpec<Strategy>> strategy, CostModel costs, List<RegimeSpec> regimes,
                          List<ModelSpec> models, String baseline, dev.foresight.leakage.LeakageSettings leakage,
                          dev.foresight.execution.Execution execution) {
        this(name, data, target, features, plan, planLocation, strategy, costs, regimes, models, baseline, leakage,
                execution, null);
    }

    /** The first {@code random-walk} model, else the first model. */
    public static String defaultBaseline(List<ModelSpec> models) {
        return models.stream().filter(m -> m.model().kind().equals("random-walk")).findFirst()
                .orElse(models.get(0)).label();
    }
}
