package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * One experiment as run. {@code baseline} is the model the others are tested against; a result
     * directory written before it existed reads as null, and {@link #baselineModel()} then applies
     * the default rule (first random-walk model, else the first model). {@code execution} is the
     * YAML name of a non-default execution ({@code next-open}); null, and left out of the file,
     * for execution at the close, so a batch that does not choose keeps its bytes and cache keys.
     * {@code portfolio} (null and left out for a single-asset experiment) names the portfolio a
     * member experiment belongs to, its asset and the portfolio's settings.
     */
    public record Experiment(String name, Map<String, Object> data, Map<String, Object> target,
                             List<Map<String, Object>> features, Map<String, Object> walkForward,
                             Map<String, Object> strategy, double costBps, double slippageBps,
                             List<Map<String, Object>> regimes, List<Model> models, String baseline,
                             Map<String, Object> leakage,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String execution,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> portfolio) {
        public Experiment {
            features = List.copyOf(features);
            regimes = List.copyOf(regimes);
            models = List.copyOf(models);
        }

        /** An experiment traded at the close. */
        public Experiment(String name, Map<String, Object> data, Map<String, Object> target,
                          List<Map<String, Object>> features, Map<String, Object> walkForward,
                          Map<String, Object> strategy, double costBps, double slippageBps,
                          List<Map<String, Object>> regimes, List<Model> models, String baseline,
                          Map<String, Object> leakage) {
            this(name, data, target, features, walkForward, strategy, costBps, slippageBps, regimes, models, baseline,
                    leakage, null, null);
        }

        /** A single-asset experiment. */
        public Experiment(String name, Map<String, Object> data, Map<String, Object> target,
                          List<Map<String, Object>> features, Map<String, Object> walkForward,
                          Map<String, Object> strategy, double costBps, double slippageBps,
                          List<Map<String, Object>> regimes, List<Model> models, String baseline,
                          Map<String, Object> leakage, String execution) {
            this(name, data, target, features, walkForward, strategy, costBps, slippageBps, regimes, models, baseline,
                    leakage, execution, null);
        }

        /** The execution's YAML name, {@code close} when none was recorded. */
        public String executionRule() {
            return execution == null ? "close" : execution;
        }

        /** The baseline's name, with the default rule applied when none was recorded. */
        public String baselineModel() {
            if (baseline != null) {
                return baseline;
            }
            return models.stream().filter(m -> m.kind().equals("random-walk")).findFirst()
                    .orElse(models.get(0)).name();
        }

        /** The names the regime detectors' labels are reported under, in configuration order. */
        public List<String> regimeNames() {
            return regimes.stream().map(r -> String.valueOf(r.get("name"))).toList();
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
