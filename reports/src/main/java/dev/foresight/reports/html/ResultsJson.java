package dev.foresight.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the report's figures for programs — provenance (the manifest without what
 * varies between runs of the same batch: times, command line, cores, workers), the resolved batch, each model's scores and tests, the regime cells, the
 * leakage outcomes per task and the failures. Deterministic: no timestamps, keys sorted.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    static Map<String, Object> of(ReportInput in) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("batch", in.config().name());
        out.put("provenance", in.provenance());
        out.put("config", in.config());
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", e.name());
            x.put("target", e.target());
            x.put("baseline", e.baseline());
            x.put("ranked_by", Scores.metricName(e));
            x.put("ranking", Scores.ranked(e).stream().filter(m -> Scores.metric(e, m) != null)
                    .map(ReportInput.ModelRun::name).toList());
            List<Map<String, Object>> models = new ArrayList<>();
            for (ReportInput.ModelRun m : e.models()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("name", m.name());
                mm.put("kind", m.config().kind());
                mm.put("scores", m.row());
                mm.put("qlike", Scores.qlike(m));
                mm.put("tests", m.tests());
                List<Map<String, Object>> folds = new ArrayList<>();
                for (var t : m.tasks()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("fold", t.fold());
                    f.put("status", t.status());
                    f.put("error", t.error());
                    f.put("checks", t.checks());
                    f.put("parameters", ParameterSection.parameters(m.config().kind(), t.diagnostics()));
                    folds.add(f);
                }
                mm.put("folds", folds);
                models.add(mm);
            }
            x.put("models", models);
            x.put("regimes", in.scorecard().regimes().stream().filter(r -> r.experiment().equals(e.name())).toList());
            // the verdicts only: the raw and adjusted p-values stay in canary.json
            x.put("canary", in.canaries().stream().filter(c -> c.experiment().equals(e.name()))
                    .map(c -> new CanaryVerdict(c.experiment(), c.model(), c.outcome())).toList());
            experiments.add(x);
        }
        out.put("experiments", experiments);
        return out;
    }

    /** An entry of {@code canary} in results.json. */
    record CanaryVerdict(String experiment, String model, dev.foresight.result.CheckOutcome outcome) {
    }
}
