package dev.foresight.result;

import java.util.List;
import java.util.Map;

/**
 * The batch as it was run, with every default filled in: written to {@code config.resolved.json}
 * so a result directory explains itself and reports can re-score it without the YAML.
 */
public record ResolvedBatch(String name, String description, long seed, int periodsPerYear, double riskFreeRate,
                            List<Experiment> experiments) {

    public ResolvedBatch {
        experiments = List.copyOf(experiments);
    }

    /** One experiment as run. */
    public record Experiment(String name, Map<String, Object> data, Map<String, Object> target,
                             List<Map<String, Object>> features, Map<String, Object> walkForward,
                             Map<String, Object> strategy, double costBps, double slippageBps,
                             List<Map<String, Object>> regimes, List<Model> models,
                             Map<String, Object> leakage) {
        public Experiment {
            features = List.copyOf(features);
            regimes = List.copyOf(regimes);
            models = List.copyOf(models);
        }
    }

    /** One model entry as run. */
    public record Model(String name, String kind, String scaling, Map<String, Object> parameters) {
    }

    public Experiment experiment(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no experiment '" + name + "' in batch " + this.name));
    }
}
