package dev.foresight.reports.html;

import dev.foresight.result.CheckOutcome;
import dev.foresight.result.BarRecord;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixture: a result directory written by hand, as {@code foresight run} would write it, with
 * whatever the tests need that a real run of today's plugins does not produce — an experiment
 * named like an XSS attack, HTML in a description and in a failure message, an LSTM's training
 * curves, GARCH parameters, a failed fold and a failed leakage check.
 */
final class HandWrittenRun {

    static final String XSS = "<script>alert(1)</script>";
    static final String FAILURE = "model 'garch', fold 1: <img src=x onerror=alert(2)> did not converge";
    static final int FOLDS = 3;
    static final int BARS = 150;

    private HandWrittenRun() {
    }

    /**
     * @param experiment the experiment's name (anything: the report must not rely on the parser's rules)
     * @param leak       whether the LSTM fails a truncation check on fold 0
     */
    static ResultDirectory write(Path root, String experiment, boolean leak) {
        ResultDirectory dir = new ResultDirectory(root);
        List<ResolvedBatch.Model> models = List.of(
                new ResolvedBatch.Model("random-walk", "random-walk", "none", Map.of()),
                new ResolvedBatch.Model("lstm", "lstm", "minmax", Map.of("window", 60)),
                new ResolvedBatch.Model("garch", "garch", "none", Map.of("note", "=HYPERLINK(\"http://x\")")),
                new ResolvedBatch.Model("=cmd|' /C calc'!A0", "ar", "none", Map.of("p", 1)));
        ResolvedBatch config = new ResolvedBatch("handwritten", XSS + " and <!-- a comment --> and </script>", 42, 252, 0.0,
                List.of(new ResolvedBatch.Experiment(experiment, Map.of("symbol", "SYN"), Map.of("kind", "log-return", "horizon", 1),
                        List.of(), Map.of("window", "expanding"), Map.of("kind", "sign"), 5, 0,
                        List.of(Map.of("kind", "truth", "name", "truth"), Map.of("kind", "volatility", "name", "vol<b>")),
                        models, "random-walk", Map.of())));
        ResultJson.write(dir.config(), config);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("batch", Map.of("name", "handwritten", "file", "hand.yaml", "file_sha256", "ab12", "resolved_config_sha256", "cd34"));
        manifest.put("foresight", Map.of("git_commit", "0123456789abcdef", "git_dirty", false, "version", "test"));
        manifest.put("data", Map.of(experiment, Map.of("bars", 1000, "data_sha256", "ef56", "first_date", "2000-01-03",
                "last_date", "2003-11-14", "series", List.of(Map.of("symbol", "SYN", "synthetic", "gbm", "seed", 7)))));
        manifest.put("started", "2026-01-01T00:00:00Z");
        manifest.put("finished", "2026-01-01T00:00:10Z");
        ResultJson.write(dir.manifest(), manifest);
        long seed = 1;
        for (ResolvedBatch.Model m : models) {
            for (int fold = 0; fold < FOLDS; fold++) {
                ResultJson.write(dir.task(experiment, m.name(), fold), task(experiment, m, fold, seed++, leak));
            }
        }
        return dir;
    }

    private static TaskResult task(String experiment, ResolvedBatch.Model m, int fold, long seed, boolean leak) {
        int testStart = 500 + fold * BARS;
        FoldWindow w = new FoldWindow(fold, 0, testStart - 2, null, testStart - 2, testStart, testStart + BARS - 1,
                date(0), date(testStart - 2), date(testStart), date(testStart + BARS - 1), 1, 0);
        String id = experiment + "/" + m.name() + "/fold-" + String.format("%03d", fold);
        List<CheckOutcome> checks = new ArrayList<>(List.of(
                CheckOutcome.passed(CheckOutcome.FOLD_INTEGRITY, "fold " + fold + ": gap 2 bars ≥ horizon 1 + embargo 0"),
                CheckOutcome.passed(CheckOutcome.PERTURBATION, "scrambled the future: unchanged")));
        if (leak && fold == 0 && m.name().equals("lstm")) {
            checks.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model lstm",
                    "forecast at bar " + testStart + " (" + date(testStart) + "): full history 0.4313, history cut at the bar 0.3895"));
        } else {
            checks.add(CheckOutcome.passed(CheckOutcome.TRUNCATION, "5 bars identical with history cut at each"));
        }
        if (m.name().equals("garch") && fold == 1) {
            return new TaskResult(TaskResult.SCHEMA, id,
                    new TaskResult.Subject(experiment, m.name(), m.kind(), m.parameters(), seed),
                    new TaskResult.Window("log-return(h=1)", 1, w),
                    TaskResult.Outcome.failed(FAILURE),
                    TaskResult.Fit.none("none"),
                    new TaskResult.Forecasts(true, Map.of(), List.of()),
                    checks, "sha");
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < BARS; t++) {
            int bar = testStart + t;
            double actual = 0.01 * r.nextGaussian();
            double forecast = m.name().equals("random-walk") ? 0 : 0.4 * actual + 0.01 * r.nextGaussian();
            double position = Math.signum(forecast);
            bars.add(new BarRecord(bar, date(bar), actual, forecast, null, null, actual, forecast, position, Math.expm1(actual),
                    position * Math.expm1(actual), Map.of("truth", (bar / 40) % 2 == 0 ? "calm" : "turbulent",
                    "vol<b>", t < 10 ? "<i>low</i>" : "high")));
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        if (m.name().equals("lstm")) {
            List<Double> train = new ArrayList<>();
            List<Double> validation = new ArrayList<>();
            for (int e = 0; e < 12 + fold; e++) {
                train.add(0.01 / (1 + e) + 0.001 * fold);
                validation.add(0.012 / (1 + 0.5 * e) + 0.001 * fold);
            }
            diagnostics.put("train_loss", train);
            diagnostics.put("validation_loss", validation);
            diagnostics.put("epochs", train.size());
        }
        if (m.name().equals("garch")) {
            diagnostics.put("parameters", Map.of("omega", 1e-6 * (1 + fold), "alpha", 0.08 + 0.01 * fold, "beta", 0.9 - 0.01 * fold,
                    "nu", 6.5));
            diagnostics.put("log_likelihood", 3100.5);
        }
        return new TaskResult(TaskResult.SCHEMA, id,
                new TaskResult.Subject(experiment, m.name(), m.kind(), m.parameters(), seed),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of("ret_lag1"), "none", List.of(0.0), List.of(1.0), testStart - 1, 0, 0),
                new TaskResult.Forecasts(true, diagnostics, bars),
                checks, "sha");
    }

    static String date(int bar) {
        return LocalDate.of(2000, 1, 3).plusDays(bar).toString();
    }
}
