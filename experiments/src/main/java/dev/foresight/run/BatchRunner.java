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
import dev.foresight.leakage.LeakageSettings;
import dev.foresight.leakage.NullCanary;
import dev.foresight.model.FittedModel;
import dev.foresight.model.PreviousFit;
import dev.foresight.pipeline.FoldChain;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * Runs every (experiment × model × fold) task of a batch and writes the result directory
 * ({@link ResultDirectory}). A task that fails is recorded as a failed result and the batch goes
 * on; a user error (bad data, impossible plan) stops the batch before anything is half-written.
 *
 * <p>Tasks are independent and run in parallel, except the folds of a model that
 * {@linkplain dev.foresight.model.Model#warmStarts() warm-starts}: they form one chain, run by one
 * worker in fold order, each fold fit from the previous fold's fitted model ({@link FoldChain}),
 * so fold k's result is a deterministic function of folds 0..k whatever the number of workers.
 * Each fold of a chain still writes its own task file as it finishes; a chain is reused from an
 * earlier run only when every one of its fold files is (fitted models are not stored, so a chain
 * with a missing or stale fold is run again from fold 0, rewriting identical files).
 */
public final class BatchRunner {

    /**
     * How to run: output directory, worker threads, who hears about progress, the command line
     * (for provenance), the code fingerprint (part of every task's cache key) and whether to
     * recompute tasks already finished in {@code out}.
     */
    public record Options(Path out, int workers, Progress progress, List<String> commandLine, String codeFingerprint,
                          boolean fresh) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1");
            }
            commandLine = List.copyOf(commandLine);
        }
    }

    /** What a run did; {@code cached} tasks were found finished and not recomputed. */
    public record Outcome(ResultDirectory directory, int tasks, int cached, int failed, Summary summary,
                          List<String> leaks) {
        public Outcome {
            leaks = List.copyOf(leaks);
        }
    }

    private final DataLoader loader = new DataLoader();

    /** A fresh loader for {@link #prepare} outside a run. */
    public static DataLoader newLoader() {
        return new DataLoader();
    }

    public Outcome run(BatchSpec batch, Options options) {
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        // Load and plan everything first: user errors surface before any task runs, and before the
        // output directory (perhaps holding a previous run's results) is touched.
        Prepared prepared = prepare(batch, loader);
        Map<String, LoadedData> dataByExperiment = prepared.data();
        Map<String, List<Fold>> foldsByExperiment = prepared.folds();
        long preparedAt = System.nanoTime();
        ResultDirectory dir = prepare(options.out(), options.fresh());
        ResolvedBatch resolved = ResolvedConfig.of(batch);
        byte[] configBytes = ResultJson.bytes(resolved);
        String configSha = Hashing.sha256(configBytes);
        AtomicFiles.write(dir.config(), configBytes);

        List<Task> tasks = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            for (ModelSpec m : e.models()) {
                List<Fold> folds = foldsByExperiment.get(e.name());
                boolean chained = m.model().instance().warmStarts();
                List<Task> chain = new ArrayList<>();
                for (Fold f : folds) {
                    Task task = new Task(e, m, f, folds.size(), seed(batch, e, m, f), chained,
                            chained ? List.copyOf(chain) : List.of());
                    tasks.add(task);
                    chain.add(task);
                    if (!chained) {
                        jobs.add(new Job(List.of(task)));
                    }
                }
                if (chained && !chain.isEmpty()) {
                    jobs.add(new Job(chain));
                }
            }
        }

        Map<String, Object> timings = new LinkedHashMap<>();
        long tasksFrom = System.nanoTime();
        int failed = 0;
        List<String> leaks = new ArrayList<>();
        List<Job> toRun = new ArrayList<>();
        List<Done> done = new ArrayList<>();
        for (Job job : jobs) {
            // A chain is reused only whole: its later folds depend on fitted models that are not stored.
            List<Done> reused = new ArrayList<>();
            for (Task task : job.tasks()) {
                TaskResult previous = options.fresh() ? null
                        : cachedResult(dir, task, inputsSha(task, dataByExperiment.get(task.experiment().name()), resolved,
                        options.codeFingerprint()));
                if (previous == null) {
                    break;
                }
                reused.add(new Done(previous, 0, 0, 0, true));
            }
            if (reused.size() == job.tasks().size()) {
                done.addAll(reused);
            } else {
                toRun.add(job);
            }
        }
        int toRunTasks = toRun.stream().mapToInt(j -> j.tasks().size()).sum();
        options.progress().started(tasks.size(), done.size());
        for (Done d : done) {
            options.progress().finished(d.result(), 0, true);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.workers(), Math.max(1, toRun.size())),
                r -> {
                    Thread t = new Thread(r, "foresight-worker");
                    t.setDaemon(true);
                    return t;
                });
        try {
            // Workers report each finished task (a chain one fold at a time), or what stopped them.
            BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
            PluginSandbox sandbox = PluginSandbox.of(batch);
            for (Job job : longestFirst(toRun)) {
                LoadedData data = dataByExperiment.get(job.tasks().get(0).experiment().name());
                pool.submit(() -> {
                    try {
                        run(job, data, resolved, dir, options.codeFingerprint(), sandbox, reports::add);
                    } catch (Throwable t) {
                        reports.add(new Crash(t));
                    }
                });
            }
            // Progress as tasks finish; results afterwards in batch order, whatever order they ran in.
            Map<String, Done> finished = new HashMap<>();
            for (int i = 0; i < toRunTasks; i++) {
                Object report = reports.take();
                if (report instanceof Crash crash) {
                    pool.shutdownNow();
                    if (crash.error() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (crash.error() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(crash.error());
                }
                Done d = (Done) report;
                finished.put(d.result().taskId(), d);
                options.progress().finished(d.result(), d.totalNanos() / 1e9, false);
            }
            for (Job job : toRun) {
                for (Task task : job.tasks()) {
                    done.add(finished.get(task.id()));
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } finally {
            pool.shutdownNow();
        }
        for (Done d : done) {
            if (!d.result().ok()) {
                failed++;
            }
            for (CheckOutcome c : d.result().checks()) {
                if (c.failed()) {
                    leaks.add(d.result().taskId() + ": " + c.describe());
                }
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("cached", d.cached());
            t.put("fit_ms", d.fitNanos() / 1e6);
            t.put("predict_ms", d.predictNanos() / 1e6);
            t.put("total_ms", d.totalNanos() / 1e6);
            timings.put(d.result().taskId(), t);
        }
        removeStaleTasks(dir, tasks);
        long tasksTo = System.nanoTime();
        options.progress().done();

        List<Map<String, Object>> canaries = canaries(batch, dataByExperiment, foldsByExperiment, options, leaks, resolved,
                previousCanaries(dir));
        if (!canaries.isEmpty()) {
            ResultJson.write(dir.file(ResultDirectory.CANARY), canaries);
        } else {
            deleteQuietly(dir.file(ResultDirectory.CANARY));
        }
        long summaryFrom = System.nanoTime();
        Summary summary = Summary.of(dir);
        summary.write(dir);
        long summaryTo = System.nanoTime();
        Map<String, Object> timingFile = new LinkedHashMap<>();
        timingFile.put("wall_ms", System.currentTimeMillis() - started);
        timingFile.put("workers", options.workers());
        // Where the wall time went: loading and planning; the task phase (finding earlier results,
        // running the rest); the null-data canary; the summary. The report comes after this file.
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("prepare", Math.round((preparedAt - startedNanos) / 1e6));
        phases.put("tasks", Math.round((tasksTo - tasksFrom) / 1e6));
        phases.put("canary", Math.round((summaryFrom - tasksTo) / 1e6));
        phases.put("summary", Math.round((summaryTo - summaryFrom) / 1e6));
        timingFile.put("phases_ms", phases);
        timingFile.put("tasks", timings);
        ResultJson.write(dir.timings(), timingFile);
        ResultJson.write(dir.manifest(), Provenance.manifest(batch, configSha, dataByExperiment, options, started,
                System.currentTimeMillis()));
        long reportStart = System.nanoTime();
        HtmlReport.write(dir, summary, java.time.Instant.now());
        options.progress().note(String.format(java.util.Locale.ROOT, "report written in %.2f s",
                (System.nanoTime() - reportStart) / 1e9));
        int cached = (int) done.stream().filter(Done::cached).count();
        return new Outcome(dir, tasks.size(), cached, failed, summary, leaks);
    }

    /** Every experiment's data and folds, validated. */
    public record Prepared(Map<String, LoadedData> data, Map<String, List<Fold>> folds) {
    }

    /**
     * Loads every experiment's data, plans its folds and tries its regime detectors on the first
     * training window — collecting every problem, so one pass reports them all
     * ({@link dev.foresight.error.UserErrors}); this is what {@code foresight validate} runs, and
     * what {@code run} runs before anything else.
     */
    public static Prepared prepare(BatchSpec batch, DataLoader loader) {
        Map<String, LoadedData> data = new LinkedHashMap<>();
        Map<String, List<Fold>> folds = new LinkedHashMap<>();
        List<UserError> problems = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            try {
                LoadedData d = loader.load(e.data());
                List<Fold> f = Plans.folds(e, d.market());
                preflightRegimes(e, d, f);
                data.put(e.name(), d);
                folds.put(e.name(), f);
            } catch (UserError ue) {
                problems.add(ue);
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new dev.foresight.error.UserErrors(problems);
        }
        return new Prepared(data, folds);
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
                                                      Map<String, List<Fold>> folds, Options options, List<String> leaks,
                                                      ResolvedBatch resolved, Map<String, CanaryRecord> previous) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExperimentSpec e : batch.experiments()) {
            if (!e.leakage().canary()) {
                continue;
            }
            LoadedData d = data.get(e.name());
            for (ModelSpec m : e.models()) {
                Map<String, Object> keyParts = new LinkedHashMap<>();
                ResolvedBatch.Experiment re = resolved.experiment(e.name());
                keyParts.put("experiment", new ResolvedBatch.Experiment(re.name(), re.data(), re.target(), re.features(),
                        re.walkForward(), re.strategy(), re.costBps(), re.slippageBps(), List.of(), List.of(), null,
                        re.leakage()));
                keyParts.put("model", re.models().stream().filter(x -> x.name().equals(m.label())).findFirst()
                        .orElseThrow());
                keyParts.put("data_sha256", d.sha256());
                keyParts.put("seed", batch.seed());
                keyParts.put("code_sha256", options.codeFingerprint());
                keyParts.put("check", CheckOutcome.CANARY);
                String key = Hashing.sha256(ResultJson.bytes(keyParts));
                CanaryRecord before = previous.get(e.name() + "/" + m.label());
                CheckOutcome c;
                if (!options.fresh() && before != null && key.equals(before.inputsSha256())) {
                    c = before.outcome();
                } else {
                    Pipeline p = Pipelines.withoutRegimes(e, m, Hashing.derive(batch.seed(), e.name(), m.label(), "canary"));
                    c = NullCanary.check(d.market(), p, folds.get(e.name()), e.costs(), batch.annualisation(),
                            Hashing.derive(batch.seed(), e.name(), "surrogate"));
                    options.progress().note("canary " + e.name() + "/" + m.label() + ": " + c.describe());
                }
                if (c.failed()) {
                    leaks.add(e.name() + "/" + m.label() + ": " + c.describe());
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("experiment", e.name());
                row.put("model", m.label());
                row.put("outcome", c);
                row.put("inputsSha256", key);
                out.add(row);
            }
        }
        return out;
    }

    /** One entry of {@code canary.json}. */
    record CanaryRecord(String experiment, String model, CheckOutcome outcome, String inputsSha256) {
    }

    private static Map<String, CanaryRecord> previousCanaries(ResultDirectory dir) {
        Map<String, CanaryRecord> out = new LinkedHashMap<>();
        Path file = dir.file(ResultDirectory.CANARY);
        if (Files.isRegularFile(file)) {
            try {
                for (CanaryRecord r : ResultJson.read(file, CanaryRecord[].class)) {
                    out.put(r.experiment() + "/" + r.model(), r);
                }
            } catch (RuntimeException e) {
                // an unreadable canary file is simply recomputed
            }
        }
        return out;
    }

    /** A task's seed: derived from the batch seed, the experiment, the model and the fold. */
    private static long seed(BatchSpec batch, ExperimentSpec e, ModelSpec m, Fold f) {
        return Hashing.derive(batch.seed(), e.name(), m.label(), "fold", String.valueOf(f.index()));
    }

    /**
     * One (experiment × model × fold). {@code chained}: a fold of a warm-starting model, fit from
     * the fold before it; {@code earlier} are the tasks of the folds before it in its chain (empty
     * when it is independent), part of its cache key since its result depends on them.
     */
    private record Task(ExperimentSpec experiment, ModelSpec model, Fold fold, int folds, long seed, boolean chained,
                        List<Task> earlier) {
        String id() {
            return experiment.name() + "/" + model.label() + "/fold-" + String.format("%03d", fold.index());
        }

        /**
         * A relative guess of the task's cost, for ordering only: its training rows, twice for a fold
         * that is refit with the future scrambled (the perturbation check).
         */
        long expectedCost() {
            long rows = fold.trainEnd() - fold.trainStart() + 1L;
            LeakageSettings leakage = experiment.leakage();
            return leakage.perturbs(fold.index()) && leakage.refitsModel(folds) ? 2 * rows : rows;
        }
    }

    /**
     * What one worker runs at a time: one independent task, or the chain of a warm-starting model's
     * folds, in fold order.
     */
    private record Job(List<Task> tasks) {
        long expectedCost() {
            return tasks.stream().mapToLong(Task::expectedCost).sum();
        }
    }

    /**
     * Submission order: expected cost, largest first (a stable sort: ties keep the batch's order).
     * The pool's last jobs are then its smallest, so one worker does not finish a big job alone
     * while the other idles. Results do not depend on the order; they are collected in batch order.
     */
    static List<Job> longestFirst(List<Job> jobs) {
        List<Job> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingLong(Job::expectedCost).reversed());
        return order;
    }

    private record Done(TaskResult result, long fitNanos, long predictNanos, long totalNanos, boolean cached) {
    }

    /** A worker stopped by a user error or a bug: the batch stops with it. */
    private record Crash(Throwable error) {
    }

    /**
     * Runs a job's tasks in order, reporting each as it finishes; in a chain each fold starts from
     * the fitted model of the last earlier fold that fitted.
     */
    private static void run(Job job, LoadedData data, ResolvedBatch resolved, ResultDirectory dir, String code,
                            PluginSandbox sandbox, java.util.function.Consumer<Done> report) {
        FoldChain chain = null;
        // Plugin classes loaded afresh per job (one task, or a warm-start chain whose folds hand
        // each other fitted models): no static state crosses from one job to another.
        dev.foresight.isolation.IsolatedLoader loader = sandbox.newLoader("task");
        for (Task task : job.tasks()) {
            Pipeline pipeline = sandbox.pipeline(task.experiment(), task.model(), task.seed(), loader);
            if (chain == null) {
                chain = new FoldChain(pipeline);
            }
            // previous() is null for a model that does not warm-start: its one-task job runs fresh
            Executed x = execute(task, pipeline, data, resolved, dir, inputsSha(task, data, resolved, code),
                    chain.previous(), sandbox.isolation(task.experiment(), task.model(), task.seed(), loader));
            chain.fitted(task.fold(), x.model());
            report.accept(x.done());
        }
    }

    /**
     * The task's cache key: SHA-256 of everything its result depends on — the resolved experiment
     * and model, the fold, the data, the seed and the code.
     */
    private static String inputsSha(Task task, LoadedData data, ResolvedBatch resolved, String code) {
        ResolvedBatch.Experiment re = resolved.experiment(task.experiment().name());
        ResolvedBatch.Model rm = re.models().stream().filter(x -> x.name().equals(task.model().label())).findFirst()
                .orElseThrow();
        // The experiment without its model list and baseline: another model's change is not this task's.
        ResolvedBatch.Experiment shared = new ResolvedBatch.Experiment(re.name(), re.data(), re.target(), re.features(),
                re.walkForward(), re.strategy(), re.costBps(), re.slippageBps(), re.regimes(), List.of(), null,
                re.leakage());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("experiment", shared);
        key.put("model", rm);
        key.put("fold", FoldWindow.of(task.fold(), data.market()));
        key.put("data_sha256", data.sha256());
        key.put("seed", task.seed());
        if (task.chained()) {
            // warm start: the result also depends on every earlier fold of the chain
            List<Map<String, Object>> earlier = new ArrayList<>();
            for (Task t : task.earlier()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("fold", FoldWindow.of(t.fold(), data.market()));
                e.put("seed", t.seed());
                earlier.add(e);
            }
            key.put("warm_start_after", earlier);
        }
        key.put("code_sha256", code);
        return Hashing.sha256(ResultJson.bytes(key));
    }

    /**
     * A finished result of this task from a previous run into the same directory, if its key
     * matches. Failed tasks are run again (the failure may have been transient); an unreadable file
     * (a run killed in an unlucky place cannot make one, since files are renamed into place, but a
     * user might) is recomputed too.
     */
    private static TaskResult cachedResult(ResultDirectory dir, Task task, String key) {
        Path file = dir.task(task.experiment().name(), task.model().label(), task.fold().index());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            TaskResult r = ResultJson.read(file, TaskResult.class);
            return r.ok() && key.equals(r.inputsSha256()) ? r : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Deletes task files the current batch did not produce (models or folds that no longer exist). */
    private static void removeStaleTasks(ResultDirectory dir, List<Task> tasks) {
        java.util.Set<Path> current = new java.util.HashSet<>();
        for (Task t : tasks) {
            current.add(dir.task(t.experiment().name(), t.model().label(), t.fold().index()).toAbsolutePath());
        }
        Path root = dir.root().resolve("tasks");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && !current.contains(p.toAbsolutePath())) {
                    Files.delete(p);
                } else if (Files.isDirectory(p) && !p.equals(root)) {
                    try (Stream<Path> children = Files.list(p)) {
                        if (children.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
        }
    }

    /** A task's result, and its fitted model for the next fold of a chain (null when it failed). */
    private record Executed(Done done, FittedModel model) {
    }

    private static Executed execute(Task task, Pipeline pipeline, LoadedData data, ResolvedBatch resolved,
                                    ResultDirectory dir, String inputsSha, PreviousFit previous,
                                    dev.foresight.leakage.Isolation isolation) {
        long t0 = System.nanoTime();
        ExperimentSpec e = task.experiment();
        ModelSpec m = task.model();
        ResolvedBatch.Experiment re = resolved.experiment(e.name());
        ResolvedBatch.Model rm = re.models().stream().filter(x -> x.name().equals(m.label())).findFirst().orElseThrow();
        FoldWindow window = FoldWindow.of(task.fold(), data.market());

        TaskResult result;
        long fit = 0;
        long predict = 0;
        FittedModel model = null;
        List<CheckOutcome> checks = new ArrayList<>();
        try {
            FoldOutcome out = CheckedFoldRunner.run(data.market(), pipeline, task.fold(), task.folds(), e.plan().embargo(),
                    e.leakage(), task.seed(), checks, previous, isolation);
            model = out.model();
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
        return new Executed(new Done(result, fit, predict, System.nanoTime() - t0, false), result.ok() ? model : null);
    }

    /**
     * Creates the output directory, or prepares a Foresight result directory for another run: its
     * summaries go (they are rewritten at the end), its task files stay to be reused when their
     * keys still match, unless {@code fresh}. Refuses to write into any other non-empty directory.
     */
    static ResultDirectory prepare(Path out, boolean fresh) {
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
                if (fresh) {
                    deleteTree(out.resolve("tasks"));
                }
                // leftovers of a write interrupted between the temporary file and its rename
                try (Stream<Path> entries = Files.list(out)) {
                    for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().endsWith(".tmp")).toList()) {
                        Files.delete(p);
                    }
                }
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
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
