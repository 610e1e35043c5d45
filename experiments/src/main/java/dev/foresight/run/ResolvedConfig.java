package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.SourceSpec;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The batch with every default filled in, as written to {@code config.resolved.json}. */
public final class ResolvedConfig {

    private ResolvedConfig() {
    }

    public static ResolvedBatch of(BatchSpec batch) {
        List<ResolvedBatch.Experiment> experiments = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            List<ResolvedBatch.Model> models = new ArrayList<>();
            for (ModelSpec m : e.models()) {
                models.add(new ResolvedBatch.Model(m.label(), m.model().kind(), m.scaling().yamlName(), m.model().parameters()));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("primary", source(e.data().primary()));
            data.put("inputs", e.data().inputs().stream().map(ResolvedConfig::source).toList());
            if (!e.data().range().all()) { // only when set: resolved configs of batches without a range are unchanged
                data.put("start", e.data().range().start() == null ? null : e.data().range().start().toString());
                data.put("end", e.data().range().end() == null ? null : e.data().range().end().toString());
            }
            List<Map<String, Object>> regimes = e.regimes().stream().map(r -> {
                Map<String, Object> out = new LinkedHashMap<>(r.detector().asConfig());
                out.put("name", r.name());
                return out;
            }).toList();
            experiments.add(new ResolvedBatch.Experiment(e.name(), data, e.target().asConfig(),
                    e.features().stream().map(f -> f.asConfig()).toList(), plan(e.plan()),
                    e.strategy().map(s -> s.asConfig()).orElse(null), e.costs().costBps(), e.costs().slippageBps(), regimes,
                    models, e.baseline(), Map.of("truncation_samples", e.leakage().truncationSamples(), "perturb_folds",
                            e.leakage().perturbFoldsText(), "canary", e.leakage().canary()),
                    // only a non-default execution is written: batches that do not choose keep their bytes
                    e.execution() == dev.foresight.execution.Execution.CLOSE ? null : e.execution().yamlName(),
                    e.portfolio() == null ? null : e.portfolio().asConfig()));
        }
        return new ResolvedBatch(batch.name(), batch.description(), batch.seed(), batch.annualisation().periodsPerYear(),
                batch.annualisation().riskFreeRate(), experiments);
    }

    static Map<String, Object> source(SourceSpec s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", s.symbol());
        if (s instanceof SourceSpec.Csv c) {
            out.put("path", c.path().toString());
            out.put("columns", new TreeMap<>(c.columns()));
            out.put("date_format", c.dateFormat());
            out.put("missing", c.missing());
        } else if (s instanceof SourceSpec.Synthetic y) {
            out.put("synthetic", y.kind());
            out.put("bars", y.bars());
            out.put("seed", y.seed());
            out.put("parameters", new TreeMap<>(y.parameters()));
        }
        return out;
    }

    static Map<String, Object> plan(WalkForwardPlan p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", p.window().yamlName());
        if (p.fractional()) {
            out.put("train", p.trainFraction());
            out.put("validation", p.validation());
            out.put("embargo", p.embargo());
            return out;
        }
        out.put("train", p.train());
        out.put("test", p.test());
        out.put("step", p.step());
        out.put("validation", p.validation());
        out.put("embargo", p.embargo());
        out.put("max_folds", p.maxFolds());
        return out;
    }
}
