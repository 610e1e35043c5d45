package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.RegimeSpec;
import dev.foresight.data.LookAheadException;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.pipeline.FoldFailure;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.leakage.CheckOutcome;
import dev.foresight.leakage.CheckedFoldRunner;
import dev.foresight.leakage.NullCanary;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.reports.html.HtmlReport;
import dev.foresight.reports.summary.Summary;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.walkforward.Fold;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs every (experiment × model × fold) task of a batch and writes the result directory
 * ({@link ResultDirectory}). A task that fails is recorded as a failed result and the batch goes
 * on; a user error (bad data, impossible plan) stops the batch before anything is half-written.
 */
public final class BatchRunner {

    /** How to run: output directory, worker threads, where progress lines go. */
    public record Options(Path out, int workers, PrintStream progress, List<String> commandLine) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1");
            }
            commandLine = List.copyOf(commandLine);
        }
    }

    /** What a run did. */
    public record Outcome(ResultDirectory directory, int tasks, int failed, Summary summary, List<String> leaks) {
        public Outcome {
            leaks = List.copyOf(leaks);
        }
    }

    private final DataLoader loader = new DataLoader();

    public Outcome run(BatchSpec batch, Options options) {
        long started = System.currentTimeMillis();
        // Load and plan everything first: user errors surface before any task runs, and before the
        // output directory (perhaps holding a previous run's results) is touched.
        Map<String, LoadedData> dataByExperiment = new LinkedHashMap<>();
        Map<String, List<Fold>> foldsByExperiment = new LinkedHashMap<>();
        for (ExperimentSpec e : batch.experiments()) {
            LoadedData data = loader.load(e.data());
            dataByExperiment.put(e.name(), data);
            foldsByExperiment.put(e.name(), Plans.folds(e, data.market()));
            preflightRegimes(e, data, foldsByExperiment.get(e.name()));
        }
        ResultDirectory dir = prepare(options.out());
        ResolvedBatch resolved = ResolvedConfig.of(batch);
        byte[] configBytes = ResultJson.bytes(resolved);
        String configSha = Hashing.sha256(configBytes);
        AtomicFiles.write(dir.config(), configBytes);

        List<Task> tasks = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            for (ModelSpec m : e.models()) {
                for (Fold f : foldsByExperiment.get(e.name())) {
                    tasks.add(new Task(e, m, f, Hashing.derive(batch.seed(), e.name(), m.label(), "fold", String.valueOf(f.index()))));
                }
            }
        }

        Map<String, Object> timings = new LinkedHashMap<>();
        int failed = 0;
        List<String> leaks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.workers(), Math.max(1, tasks.size())),
                r -> {
                    Thread t = new Thread(r, "foresight-worker");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Task task : tasks) {
                LoadedData data = dataByExperiment.get(task.experiment().name());
                futures.add(pool.submit(() -> execute(task, data, resolved, dir)));
            }
            int finished = 0;
            for (Future<Done> f : futures) {
                Done done;
                try {
                    done = f.get();
                } catch (ExecutionException ex) {
                    pool.shutdownNow();
                    if (ex.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(ex.getCause());
                }
                finished++;
                if (!done.result().ok()) {
                    failed++;
                }
                for (CheckOutcome c : done.result().checks()) {
                    if (c.failed()) {
                        leaks.add(done.result().taskId() + ": " + c.describe());
                    }
                }
                timings.put(done.result().taskId(), Map.of("fit_ms", done.fitNanos() / 1e6, "predict_ms",
                        done.predictNanos() / 1e6, "total_ms", done.totalNanos() / 1e6));
                options.progress().printf("[%d/%d] %s %s%n", finished, tasks.size(), done.result().taskId(),
                        done.result().ok() ? String.format("ok %.2f s", done.totalNanos() / 1e9)
                                : "FAILED: " + done.result().error());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } finally {
            pool.shutdownNow();
        }

        List<Map<String, Object>> canaries = canaries(batch, dataByExperiment, foldsByExperiment, options, leaks);
        if (!canaries.isEmpty()) {
            ResultJson.write(dir.file(ResultDirectory.CANARY), canaries);
        }
        Summary summary = Summary.of(dir);
        summary.write(dir);
        Map<String, Object> timingFile = new LinkedHashMap<>();
        timingFile.put("wall_ms", System.currentTimeMillis() - started);
        timingFile.put("workers", options.workers());
        timingFile.put("tasks", timings);
        ResultJson.write(dir.timings(), timingFile);
        ResultJson.write(dir.manifest(), Provenance.manifest(batch, configSha, dataByExperiment, options, started,
                System.currentTimeMillis()));
        long reportStart = System.nanoTime();
        HtmlReport.write(dir, summary, java.time.Instant.now());
        options.progress().printf("report written in %.2f s%n", (System.nanoTime() - reportStart) / 1e9);
        return new Outcome(dir, tasks.size(), failed, summary, leaks);
    }

    /**
     * Fits each regime detector once on the first training window, so a detector the data cannot
     * support at all (e.g. {@code truth} on a CSV file) is a user error before any result is written.
     */
    private static void preflightRegimes(ExperimentSpec e, LoadedData data, List<Fold> folds) {
        if (folds.isEmpty()) {
            return;
        }
        for (RegimeSpec r : e.regimes()) {
            try {
                r.detector().instance().fit(data.market().upTo(folds.get(0).trainEnd()));
            } catch (dev.foresight.regime.UnsupportedDataException ex) {
                throw new UserError(r.detector().location(), ex.getMessage());
            } catch (RuntimeException ex) {
                // Anything else is the fold's business: the task records it as a failure.
            }
        }
    }

    /**
     * The null-data canary for every model of the experiments that ask for it: the same pipeline on
     * a random-walk surrogate of the data (one more run of each model's folds, so it is opt-in).
     */
    private static List<Map<String, Object>> canaries(BatchSpec batch, Map<String, LoadedData> data,
                                                      Map<String, List<Fold>> folds, Options options, List<String> leaks) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            if (!e.leakage().canary()) {
                continue;
            }
            for (ModelSpec m : e.models()) {
                Pipeline p = Pipelines.withoutRegimes(e, m, Hashing.derive(batch.seed(), e.name(), m.label(), "canary"));
                CheckOutcome c = NullCanary.check(data.get(e.name()).market(), p, folds.get(e.name()), e.costs(),
                        batch.annualisation(), Hashing.derive(batch.seed(), e.name(), "surrogate"));
                options.progress().printf("canary %s/%s: %s%n", e.name(), m.label(), c.describe());
                if (c.failed()) {
                    leaks.add(e.name() + "/" + m.label() + ": " + c.describe());
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("experiment", e.name());
                row.put("model", m.label());
                row.put("outcome", c);
                out.add(row);
            }
        }
        return out;
    }

    private record Task(ExperimentSpec experiment, ModelSpec model, Fold fold, long seed) {
        String id() {
            return experiment.name() + "/" + model.label() + "/fold-" + String.format("%03d", fold.index());
        }
    }

    private record Done(TaskResult result, long fitNanos, long predictNanos, long totalNanos) {
    }

    private static Done execute(Task task, LoadedData data, ResolvedBatch resolved, ResultDirectory dir) {
        long t0 = System.nanoTime();
        ExperimentSpec e = task.experiment();
        ModelSpec m = task.model();
        Pipeline pipeline = Pipelines.of(e, m, task.seed());
        ResolvedBatch.Experiment re = resolved.experiment(e.name());
        ResolvedBatch.Model rm = re.models().stream().filter(x -> x.name().equals(m.label())).findFirst().orElseThrow();
        FoldWindow window = FoldWindow.of(task.fold(), data.market());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("experiment", re);
        key.put("model", rm);
        key.put("fold", window);
        key.put("data_sha256", data.sha256());
        key.put("seed", task.seed());
        key.put("code", Provenance.codeVersion());
        String inputsSha = Hashing.sha256(ResultJson.bytes(key));

        TaskResult result;
        long fit = 0;
        long predict = 0;
        List<CheckOutcome> checks = new ArrayList<>();
        try {
            FoldOutcome out = CheckedFoldRunner.run(data.market(), pipeline, task.fold(), e.plan().embargo(), e.leakage(),
                    task.seed(), checks);
            fit = out.fitNanos();
            predict = out.predictNanos();
            result = TaskResults.ok(task.id(), e, m, rm, task.seed(), window, out, checks, inputsSha);
        } catch (UserError ue) {
            throw ue;
        } catch (FoldFailure ff) {
            result = TaskResults.failed(task.id(), e, m, rm, task.seed(), window, ff.getMessage(), checks, inputsSha);
        } catch (LookAheadException la) {
            result = TaskResults.failed(task.id(), e, m, rm, task.seed(), window,
                    "fold " + task.fold().index() + ": a plugin read the future (" + la.getMessage() + ")", checks, inputsSha);
        } catch (RuntimeException re2) {
            StackTraceElement top = re2.getStackTrace().length > 0 ? re2.getStackTrace()[0] : null;
            result = TaskResults.failed(task.id(), e, m, rm, task.seed(), window, "fold " + task.fold().index()
                    + ": " + re2.getClass().getSimpleName() + ": " + re2.getMessage() + (top == null ? "" : " at " + top),
                    checks, inputsSha);
        }
        ResultJson.write(dir.task(e.name(), m.label(), task.fold().index()), result);
        return new Done(result, fit, predict, System.nanoTime() - t0);
    }

    /**
     * Creates the output directory, or clears the previous results of a Foresight result directory;
     * refuses to write into any other non-empty directory.
     */
    static ResultDirectory prepare(Path out) {
        ResultDirectory dir = new ResultDirectory(out);
        try {
            if (Files.isDirectory(out)) {
                boolean ours = Files.exists(dir.config()) || Files.exists(dir.manifest());
                try (Stream<Path> entries = Files.list(out)) {
                    if (!ours && entries.findAny().isPresent()) {
                        throw new UserError(Location.of(out.toString()), "the output directory is not empty and holds no "
                                + "Foresight result: choose another --out");
                    }
                }
                deleteTree(out.resolve("tasks"));
                for (String f : List.of(ResultDirectory.SUMMARY_JSON, ResultDirectory.SUMMARY_CSV, ResultDirectory.TIMINGS,
                        ResultDirectory.MANIFEST, HtmlReport.REPORT_HTML, HtmlReport.METRICS_CSV, HtmlReport.RESULTS_JSON,
                        HtmlReport.REPORT_PDF)) {
                    Files.deleteIfExists(out.resolve(f));
                }
            } else if (Files.exists(out)) {
                throw new UserError(Location.of(out.toString()), "the output path exists and is not a directory");
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError(Location.of(out.toString()), "cannot prepare the output directory: " + e.getMessage());
        }
        return dir;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
