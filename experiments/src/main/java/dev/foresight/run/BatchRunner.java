package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.batch.RegimeSpec;
import dev.foresight.error.UserError;
import dev.foresight.leakage.NullCanary;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.reports.html.HtmlReport;
import dev.foresight.reports.summary.Scorecard;
import dev.foresight.reports.summary.Summary;
import dev.foresight.result.CanaryMeasurement;
import dev.foresight.result.CanaryRecord;
import dev.foresight.result.CheckOutcome;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.RunTimings;
import dev.foresight.result.TaskResult;
import dev.foresight.run.engine.BatchSource;
import dev.foresight.run.engine.Engine;
import dev.foresight.run.engine.LocalEngine;
import dev.foresight.run.engine.Pipelines;
import dev.foresight.run.engine.PlannedTask;
import dev.foresight.run.engine.RunContext;
import dev.foresight.run.engine.TaskOutcome;
import dev.foresight.run.engine.TaskPlan;
import dev.foresight.run.engine.WorkUnit;
import dev.foresight.walkforward.Fold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The driver of a run: loads and plans the batch ({@link #prepare}, {@link TaskPlans}), opens the
 * result directory ({@link ResultStore}), hands the tasks not already stored to an {@link Engine}
 * and writes each outcome as it arrives, then runs the null-data canary and writes the summary,
 * timings, manifest and report — or keeps the summary, manifest, database and report when they are
 * provably current ({@link OutputStamp}). A task that fails is recorded as a failed result and the batch goes
 * on; a user error (bad data, impossible plan) stops the batch before anything is half-written.
 *
 * <p>Tasks are independent and run in parallel, except the folds of a model that
 * {@linkplain dev.foresight.model.Model#warmStarts() warm-starts}: they form one unit of work, run
 * in fold order, each fold fit from the previous fold's fitted model, so fold k's result is a
 * deterministic function of folds 0..k whatever the engine and the number of workers. A chain is
 * reused from an earlier run only when every one of its fold files is (fitted models are not
 * stored, so a chain with a missing or stale fold is run again from fold 0, rewriting identical
 * files).
 */
public final class BatchRunner {

    /**
     * How to run: output directory, the engine, who hears about progress, the command line (for
     * provenance), the code fingerprint (part of every task's cache key), whether to recompute
     * tasks already finished in {@code out}, and the batch as the user gave it (for engines that
     * parse it again in other JVMs; null when the batch was built in code, which only the local
     * engine can run).
     */
    public record Options(Path out, Engine engine, Progress progress, List<String> commandLine, String codeFingerprint,
                          boolean fresh, BatchSource source) {
        public Options {
            Objects.requireNonNull(engine, "engine");
            commandLine = List.copyOf(commandLine);
        }

        /** The local engine with {@code workers} threads. */
        public Options(Path out, int workers, Progress progress, List<String> commandLine, String codeFingerprint,
                       boolean fresh) {
            this(out, new LocalEngine(workers), progress, commandLine, codeFingerprint, fresh, null);
        }

        public int workers() {
            return engine.parallelism();
        }
    }

    /**
     * What a run did; {@code cached} tasks were found finished and not recomputed; {@code table} is
     * the summary table; {@code outputsCurrent}: the summaries, manifest, results database and report
     * were found current (computed from exactly these inputs, intact) and left as they were.
     */
    public record Outcome(ResultDirectory directory, int tasks, int cached, int failed, String table,
                          boolean outputsCurrent, List<String> leaks) {
        public Outcome {
            Objects.requireNonNull(table, "table");
            leaks = List.copyOf(leaks);
        }
    }

    private final DataLoader loader = new DataLoader();

    /** A fresh loader for {@link #prepare} outside a run. */
    public static DataLoader newLoader() {
        return new DataLoader();
    }

    public Outcome run(BatchSpec batch, Options options) {
        long startedNanos = System.nanoTime();
        // Load and plan everything first: user errors surface before any task runs, and before the
        // output directory (perhaps holding a previous run's results) is touched.
        Prepared prepared = prepare(batch, loader);
        return run(batch, prepared, System.nanoTime() - startedNanos, options);
    }

    /**
     * Runs a batch already {@linkplain #prepare prepared} (by the caller, which checked it before
     * announcing the run; loading the data again would only cost time), {@code prepareNanos} ago
     * for as long as it took: the run's start and its prepare phase in {@code timings.json}.
     */
    public Outcome run(BatchSpec batch, Prepared prepared, long prepareNanos, Options options) {
        long startedNanos = System.nanoTime() - prepareNanos;
        long started = System.currentTimeMillis() - Math.round(prepareNanos / 1e6);
        long preparedAt = System.nanoTime();
        // The directory's lock is held from here to the end of the run, however it ends.
        try (ResultStore store = ResultStore.open(options.out(), options.fresh(), options.commandLine())) {
            return run(batch, options, prepared, store, started, startedNanos, preparedAt);
        }
    }

    private Outcome run(BatchSpec batch, Options options, Prepared prepared, ResultStore store, long started,
                        long startedNanos, long preparedAt) {
        Map<String, LoadedData> dataByExperiment = prepared.data();
        ResultDirectory dir = store.directory();
        ResolvedBatch resolved = ResolvedConfig.of(batch);
        byte[] configBytes = ResultJson.bytes(resolved);
        String configSha = Hashing.sha256(configBytes);
        store.writeConfig(configBytes);
        TaskPlan plan = TaskPlans.of(batch, prepared, resolved, options.codeFingerprint());

        long tasksFrom = System.nanoTime();
        // A chain is reused only whole: its later folds depend on fitted models that are not stored.
        Map<String, TaskOutcome> outcomes = new HashMap<>();
        List<WorkUnit> pending = new ArrayList<>();
        Map<String, TaskResult> stored = options.fresh() ? Map.of() : store.cachedAll(plan.tasks());
        for (WorkUnit unit : plan.units()) {
            List<TaskOutcome> reused = new ArrayList<>();
            for (PlannedTask task : unit.tasks()) {
                TaskResult previous = stored.get(task.id());
                if (previous == null) {
                    break;
                }
                reused.add(new TaskOutcome.Cached(task, previous));
            }
            if (reused.size() == unit.tasks().size()) {
                reused.forEach(o -> outcomes.put(o.task().id(), o));
            } else {
                pending.add(unit);
            }
        }
        options.progress().started(plan.taskCount(), outcomes.size());
        for (PlannedTask task : plan.tasks()) {
            TaskOutcome o = outcomes.get(task.id());
            if (o != null) {
                options.progress().finished(o.result(), 0, true);
            }
        }
        RunContext context = context(batch, options, prepared);
        try {
            options.engine().execute(context, TaskPlan.pendingFirstLargest(pending), outcome -> {
                store.write(outcome);
                outcomes.put(outcome.task().id(), outcome);
                options.progress().finished(outcome.result(), seconds(outcome), false);
            });
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        // results in batch order, whatever order they ran in
        int failed = 0;
        List<String> leaks = new ArrayList<>();
        Map<String, RunTimings.Task> timings = new LinkedHashMap<>();
        for (PlannedTask task : plan.tasks()) {
            TaskOutcome o = outcomes.get(task.id());
            if (!o.result().ok()) {
                failed++;
            }
            for (CheckOutcome c : o.result().checks()) {
                if (c.failed()) {
                    leaks.add(o.result().taskId() + ": " + c.describe());
                }
            }
            timings.put(task.id(), timing(o));
        }
        store.removeStaleTasks(plan);
        long tasksTo = System.nanoTime();
        options.progress().done();

        List<CanaryRecord> canaries = canaries(batch, dataByExperiment, prepared.folds(), options, leaks, resolved,
                previousCanaries(dir));
        store.writeCanary(canaries.isEmpty() ? null : ResultJson.bytes(canaries));
        long summaryFrom = System.nanoTime();
        // The derived files (summaries, manifest, database, report) are kept when they are provably
        // current: computed from exactly the config, task files and canary the directory holds now, by
        // this code, and untouched since (OutputStamp). Anything else and every figure of the run is
        // computed again, from each task file read once: the summary, the database and the report.
        String inputs = store.inputsDigest(plan, configBytes, options.codeFingerprint());
        String table = store.currentTable(inputs);
        boolean current = table != null;
        Scorecard scorecard = null;
        if (!current) {
            store.invalidateOutputs();
            scorecard = Scorecard.compute(dir);
            Summary summary = Summary.of(scorecard);
            summary.write(dir);
            table = summary.table();
        }
        long summaryTo = System.nanoTime();
        // Where the wall time went: loading and planning; the task phase (finding earlier results,
        // running the rest); the null-data canary; the summary. The report comes after this file.
        RunTimings timingFile = new RunTimings(System.currentTimeMillis() - started, options.workers(),
                new RunTimings.Phases(Math.round((preparedAt - startedNanos) / 1e6), Math.round((tasksTo - tasksFrom) / 1e6),
                        Math.round((summaryFrom - tasksTo) / 1e6), Math.round((summaryTo - summaryFrom) / 1e6)),
                timings);
        store.writeJson(ResultDirectory.TIMINGS, timingFile);
        if (current) {
            options.progress().note("summaries, manifest, " + dev.foresight.results.ResultsDatabase.FILE + " and "
                    + HtmlReport.REPORT_HTML + " are current (same config, task files, canary and code as when they were "
                    + "written; checked against " + OutputStamp.FILE + "): kept as they are");
        } else {
            store.writeJson(ResultDirectory.MANIFEST, Provenance.manifest(batch, configSha, dataByExperiment, options,
                    started, System.currentTimeMillis()));
            store.writeDatabase(scorecard);
            long reportStart = System.nanoTime();
            HtmlReport.write(dir, scorecard, Instant.now());
            options.progress().note(String.format(Locale.ROOT, "report written in %.2f s",
                    (System.nanoTime() - reportStart) / 1e9));
            store.writeStamp(inputs, table);
        }
        int cached = (int) outcomes.values().stream().filter(o -> o instanceof TaskOutcome.Cached).count();
        return new Outcome(dir, plan.taskCount(), cached, failed, table, current, leaks);
    }

    /** The engine's view of the run: the batch and each experiment's data. */
    private static RunContext context(BatchSpec batch, Options options, Prepared prepared) {
        Map<String, dev.foresight.data.MarketData> data = new LinkedHashMap<>();
        Map<String, String> sha = new LinkedHashMap<>();
        prepared.data().forEach((experiment, loaded) -> {
            data.put(experiment, loaded.market());
            sha.put(experiment, loaded.sha256());
        });
        return new RunContext(options.source(), options.codeFingerprint(), batch, data, sha, options.progress());
    }

    private static double seconds(TaskOutcome o) {
        if (o instanceof TaskOutcome.Computed c) {
            return c.timing().totalNanos() / 1e9;
        }
        if (o instanceof TaskOutcome.Failed f) {
            return f.timing().totalNanos() / 1e9;
        }
        return 0;
    }

    /** A task's line of {@code timings.json}. */
    private static RunTimings.Task timing(TaskOutcome o) {
        dev.foresight.run.engine.TaskTiming t = o instanceof TaskOutcome.Computed c ? c.timing()
                : o instanceof TaskOutcome.Failed f ? f.timing() : dev.foresight.run.engine.TaskTiming.NONE;
        return new RunTimings.Task(o instanceof TaskOutcome.Cached, t.fitNanos() / 1e6, t.predictNanos() / 1e6,
                t.totalNanos() / 1e6);
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
                preflightExecution(e, d);
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

    /** An execution the data cannot price (next-open without an open price) is a user error naming the experiment. */
    private static void preflightExecution(ExperimentSpec e, LoadedData data) {
        dev.foresight.data.PriceSeries primary = data.market().primary();
        if (!e.execution().supports(primary)) {
            throw new UserError(e.data().primary().location(), "experiment '" + e.name() + "': execution "
                    + e.execution().yamlName() + " trades at the next bar's open, but the data of " + primary.symbol()
                    + " has no open column; give one (data.columns.open) or use execution: close");
        }
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
    private static List<CanaryRecord> canaries(BatchSpec batch, Map<String, LoadedData> data,
                                               Map<String, List<Fold>> folds, Options options, List<String> leaks,
                                               ResolvedBatch resolved, Map<String, CanaryRecord> previous) {
        List<String> keys = new ArrayList<>();
        List<CanaryMeasurement> family = new ArrayList<>();
        List<ExperimentSpec> experiments = new ArrayList<>();
        List<ModelSpec> models = new ArrayList<>();
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
                CanaryMeasurement measured;
                if (!options.fresh() && before != null && key.equals(before.inputsSha256()) && before.measurement() != null) {
                    measured = before.measurement();
                } else {
                    Pipeline p = Pipelines.withoutRegimes(e, m, Hashing.derive(batch.seed(), e.name(), m.label(), "canary"));
                    measured = NullCanary.measure(d.market(), p, folds.get(e.name()), e.costs(), batch.annualisation(),
                            Hashing.derive(batch.seed(), e.name(), "surrogate"));
                }
                keys.add(key);
                family.add(measured);
                experiments.add(e);
                models.add(m);
            }
        }
        // The verdicts come only now: Holm's step-down over every canary test of the batch at once.
        List<CheckOutcome> verdicts = NullCanary.judge(family);
        double[] adjusted = NullCanary.adjusted(family);
        List<CanaryRecord> out = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            CheckOutcome c = verdicts.get(i);
            if (c.failed()) {
                // Only a flagged model pays for attribution: one more surrogate run per feature set.
                ExperimentSpec e = experiments.get(i);
                ModelSpec m = models.get(i);
                Pipeline p = Pipelines.withoutRegimes(e, m, Hashing.derive(batch.seed(), e.name(), m.label(), "canary"));
                c = NullCanary.attribute(c, data.get(e.name()).market(), p, folds.get(e.name()), e.costs(),
                        batch.annualisation(), Hashing.derive(batch.seed(), e.name(), "surrogate"));
            }
            CanaryRecord row = new CanaryRecord(experiments.get(i).name(), models.get(i).label(), family.get(i),
                    CanaryRecord.HolmAdjusted.of(adjusted[2 * i], adjusted[2 * i + 1]), c, keys.get(i));
            out.add(row);
            String name = row.key();
            options.progress().note("canary " + name + ": " + c.describe());
            if (c.failed()) {
                leaks.add(name + ": " + c.describe());
            }
        }
        if (!out.isEmpty()) {
            long tests = Arrays.stream(adjusted).filter(v -> !Double.isNaN(v)).count();
            options.progress().note("null-data canary: Holm step-down over the batch's " + tests + " canary p-value"
                    + (tests == 1 ? "" : "s") + " (" + out.size() + " experiment × model), family-wise false-alarm rate"
                    + " <= 1% across them, under any dependence");
        }
        return out;
    }

    private static Map<String, CanaryRecord> previousCanaries(ResultDirectory dir) {
        Map<String, CanaryRecord> out = new LinkedHashMap<>();
        Path file = dir.file(ResultDirectory.CANARY);
        if (Files.isRegularFile(file)) {
            try {
                for (CanaryRecord r : ResultJson.read(file, CanaryRecord[].class)) {
                    out.put(r.key(), r);
                }
            } catch (RuntimeException e) {
                // an unreadable canary file is simply recomputed
            }
        }
        return out;
    }
}
