package dev.foresight.reports.html;

import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.metrics.Annualisation;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.Summary;
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
 * Everything the report shows, read once from a result directory: the resolved config, the
 * manifest, every task file, each model's joined out-of-sample path and the run summary. Nothing
 * is re-forecast; the summary is the same object {@code foresight run} prints.
 */
record ReportInput(ResultDirectory dir, ResolvedBatch config, Map<String, Object> manifest, Summary summary,
                   Annualisation annualisation, List<Experiment> experiments, List<CanaryRecord> canaries) {

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

    static ReportInput load(ResultDirectory dir, Summary summary) {
        ResolvedBatch config = dir.readConfig();
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = Files.exists(dir.manifest()) ? ResultJson.read(dir.manifest(), Map.class) : Map.of();
        Annualisation annualisation = new Annualisation(config.periodsPerYear(), config.riskFreeRate());
        List<Experiment> experiments = new ArrayList<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            CostModel costs = new CostModel(e.costBps(), e.slippageBps());
            // Task files are independent: read them in parallel (the order of the list is kept).
            List<ModelRun> models = e.models().parallelStream().map(m -> {
                List<TaskResult> tasks = dir.readTasks(e.name(), m.name());
                ModelPath path = ModelPath.of(e.name(), m.name(), tasks, costs);
                SummaryRow row = summary.rows().stream()
                        .filter(r -> r.experiment().equals(e.name()) && r.model().equals(m.name())).findFirst().orElse(null);
                SignificanceRow tests = summary.tests().stream()
                        .filter(r -> r.experiment().equals(e.name()) && r.model().equals(m.name())).findFirst().orElse(null);
                return new ModelRun(m, tasks, path, row, tests);
            }).toList();
            experiments.add(new Experiment(e, models));
        }
        List<CanaryRecord> canaries = new ArrayList<>();
        if (Files.exists(dir.file(ResultDirectory.CANARY))) {
            canaries.addAll(List.of(ResultJson.read(dir.file(ResultDirectory.CANARY), CanaryRecord[].class)));
        }
        return new ReportInput(dir, config, manifest, summary, annualisation, experiments, canaries);
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
