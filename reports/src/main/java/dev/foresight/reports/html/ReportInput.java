package dev.foresight.reports.html;

import dev.foresight.evaluation.ModelPath;
import dev.foresight.metrics.Annualisation;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.Scorecard;
import dev.foresight.reports.summary.SummaryRow;
import dev.foresight.result.CanaryRecord;
import dev.foresight.result.Reproducibility;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows: the run's {@link Scorecard} (its task files, each model's joined
 * out-of-sample path and every figure, read and computed once — the same object {@code foresight
 * run} prints its summary from), arranged per experiment and model, and the manifest. Nothing is
 * re-forecast or re-scored here.
 */
record ReportInput(ResultDirectory dir, ResolvedBatch config, Map<String, Object> manifest, Scorecard scorecard,
                   Annualisation annualisation, List<Experiment> experiments) {

    /** One experiment's models, in configuration order. */
    record Experiment(ResolvedBatch.Experiment config, List<ModelRun> models) {
        String name() {
            return config.name();
        }

        String baseline() {
            return config.baselineModel();
        }

        Optional<ModelRun> model(String name) {
            return models.stream().filter(m -> m.name().equals(name)).findFirst();
        }

        boolean traded() {
            return models.stream().anyMatch(m -> m.path().traded());
        }

        boolean volatility() {
            return models.stream().anyMatch(m -> m.path().volatilityTarget());
        }

        String target() {
            return models.stream().flatMap(m -> m.tasks().stream()).map(TaskResult::target).findFirst()
                    .orElse(String.valueOf(config.target().get("kind")));
        }
    }

    /** One model of an experiment: its task files by fold, its joined path and its summary rows. */
    record ModelRun(ResolvedBatch.Model config, List<TaskResult> tasks, ModelPath path, SummaryRow row,
                    SignificanceRow tests) {
        String name() {
            return config.name();
        }

        List<TaskResult> failed() {
            return tasks.stream().filter(t -> !t.ok()).toList();
        }
    }

    /** The report's input from a scorecard of {@code dir}: its task files and paths are reused, not read again. */
    static ReportInput of(ResultDirectory dir, Scorecard scorecard) {
        ResolvedBatch config = scorecard.config();
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = Files.exists(dir.manifest()) ? ResultJson.read(dir.manifest(), Map.class) : Map.of();
        Annualisation annualisation = new Annualisation(config.periodsPerYear(), config.riskFreeRate());
        List<Experiment> experiments = new ArrayList<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            List<ModelRun> models = scorecard.models(e.name()).stream()
                    .map(m -> new ModelRun(m.model(), m.tasks(), m.path(),
                            scorecard.row(e.name(), m.model().name()).orElse(null),
                            scorecard.tests(e.name(), m.model().name()).orElse(null)))
                    .toList();
            experiments.add(new Experiment(e, models));
        }
        return new ReportInput(dir, config, manifest, scorecard, annualisation, experiments);
    }

    /** The null-data canary entries, empty when the run ran none. */
    List<CanaryRecord> canaries() {
        return scorecard.canaries();
    }

    /** A nested manifest value ({@code get("foresight", "git_commit")}), or null. */
    Object manifestValue(String... keys) {
        Object v = manifest;
        for (String k : keys) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(k);
        }
        return v;
    }

    /**
     * The manifest without what changes from one run of the same batch to the next — wall-clock
     * times, the command line (output directory), the engine and its parallelism, the driver's
     * ND4J (each LSTM fit records its own threads), cores — for the deterministic exports.
     */
    Map<String, Object> provenance() {
        List<String> varying = new java.util.ArrayList<>(Reproducibility.ENGINE_DEPENDENT_MANIFEST_FIELDS);
        varying.add("runtime.cores");
        return Reproducibility.without(manifest, varying);
    }
}
