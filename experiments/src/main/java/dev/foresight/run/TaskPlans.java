package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultJson;
import dev.foresight.run.engine.Pipelines;
import dev.foresight.run.engine.PlannedTask;
import dev.foresight.run.engine.TaskPlan;
import dev.foresight.run.engine.WorkUnit;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans a batch: every (experiment × model × fold) task with its seed and cache key, grouped into
 * units of work — one per task, or one per warm-starting model (its folds form a chain, each fit
 * from the previous fold's model, so they run in order on one worker). The one place seeds and
 * cache keys are derived.
 */
final class TaskPlans {

    private TaskPlans() {
    }

    static TaskPlan of(BatchSpec batch, BatchRunner.Prepared prepared, ResolvedBatch resolved, String code) {
        List<WorkUnit> units = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            LoadedData data = prepared.data().get(e.name());
            List<Fold> folds = prepared.folds().get(e.name());
            ResolvedBatch.Experiment re = resolved.experiment(e.name());
            for (ModelSpec m : e.models()) {
                boolean chained = m.model().instance().warmStarts();
                ResolvedBatch.Model rm = re.models().stream().filter(x -> x.name().equals(m.label())).findFirst()
                        .orElseThrow();
                List<PlannedTask> chain = new ArrayList<>();
                List<Map<String, Object>> earlier = new ArrayList<>();
                long chainCost = 0;
                // the model whose variance forecasts size this one's positions, refit in each of its tasks
                ModelSpec sizing = Pipelines.volatilityModel(e, m).orElse(null);
                ResolvedBatch.Model sizingModel = sizing == null ? null : re.models().stream()
                        .filter(x -> x.name().equals(sizing.label())).findFirst().orElseThrow();
                for (Fold f : folds) {
                    long seed = seed(batch, e, m, f);
                    long volatilitySeed = sizing == null ? seed : seed(batch, e, sizing, f);
                    String key = cacheKey(re, rm, f, data, seed, chained ? earlier : null,
                            sizingModel == null ? null : Map.of("model", sizingModel, "seed", volatilitySeed), code);
                    PlannedTask task = new PlannedTask(PlannedTask.id(e.name(), m.label(), f.index()), e.name(), m.label(),
                            f.index(), seed, key, volatilitySeed);
                    long cost = expectedCost(e, f, folds.size());
                    if (chained) {
                        chain.add(task);
                        chainCost += cost;
                        Map<String, Object> done = new LinkedHashMap<>();
                        done.put("fold", FoldWindow.of(f, data.market()));
                        done.put("seed", seed);
                        earlier.add(done);
                    } else {
                        units.add(new WorkUnit(e.name(), m.label(), List.of(task), false, cost));
                    }
                }
                if (chained && !chain.isEmpty()) {
                    units.add(new WorkUnit(e.name(), m.label(), chain, true, chainCost));
                }
            }
        }
        return new TaskPlan(units);
    }

    /** A task's seed: derived from the batch seed, the experiment, the model and the fold. */
    static long seed(BatchSpec batch, ExperimentSpec e, ModelSpec m, Fold f) {
        return Hashing.derive(batch.seed(), e.name(), m.label(), "fold", String.valueOf(f.index()));
    }

    /**
     * The task's cache key: SHA-256 of everything its result depends on — the resolved experiment
     * (without its model list and baseline: another model's change is not this task's) and model,
     * the fold, the data, the seed, for a fold of a warm-start chain every earlier fold of the
     * chain ({@code earlier}; null for an independent task), the configuration and seed of the
     * volatility model the strategy sizes it by ({@code volatilityModel}; null for none), and the code.
     */
    private static String cacheKey(ResolvedBatch.Experiment re, ResolvedBatch.Model rm, Fold fold, LoadedData data,
                                   long seed, List<Map<String, Object>> earlier, Map<String, Object> volatilityModel,
                                   String code) {
        ResolvedBatch.Experiment shared = new ResolvedBatch.Experiment(re.name(), re.data(), re.target(), re.features(),
                re.walkForward(), re.strategy(), re.costBps(), re.slippageBps(), re.regimes(), List.of(), null,
                re.leakage(), re.execution());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("experiment", shared);
        key.put("model", rm);
        key.put("fold", FoldWindow.of(fold, data.market()));
        key.put("data_sha256", data.sha256());
        key.put("seed", seed);
        if (earlier != null) {
            key.put("warm_start_after", List.copyOf(earlier));
        }
        if (volatilityModel != null) {
            // its configuration and seed: a change to the model sizing this one is a change to this task
            key.put("volatility_model", new TreeMap<>(volatilityModel));
        }
        key.put("code_sha256", code);
        return Hashing.sha256(ResultJson.bytes(key));
    }

    /**
     * A relative guess of a task's cost, for ordering only: its training rows, twice for a fold
     * that is refit with the future scrambled (the perturbation check).
     */
    private static long expectedCost(ExperimentSpec e, Fold fold, int folds) {
        long rows = fold.trainEnd() - fold.trainStart() + 1L;
        LeakageSettings leakage = e.leakage();
        return leakage.perturbs(fold.index()) && leakage.refitsModel(folds) ? 2 * rows : rows;
    }
}
