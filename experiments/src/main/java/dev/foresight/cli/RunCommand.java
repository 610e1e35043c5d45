package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import dev.foresight.run.engine.BatchSource;
import dev.foresight.run.engine.CodeFingerprint;
import dev.foresight.run.engine.Engine;
import dev.foresight.run.engine.EngineSettings;
import dev.foresight.run.engine.Engines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code foresight run BATCH.yaml}: every experiment × model × fold, then the summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a batch: write one JSON result per task, the resolved config, a provenance manifest "
                + "and a summary under --out, and print the summary table.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    BatchArguments args;

    @Option(names = {"-v", "--verbose"}, description = "a line per task (instead of the progress bar), each null-data canary line, DL4J/ND4J logs, and stack traces on errors")
    boolean verbose;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: runs/<batch name>)")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "tasks run in parallel (default: number of cores)")
    Integer workers;

    @Option(names = "--fresh", description = "recompute every task, even those an earlier run into --out finished "
            + "with the same inputs")
    boolean fresh;

    @Option(names = "--allow-leaks", description = "finish with the usual exit code even when a leakage check fails; "
            + "the run is then marked as leaking in its results and summary")
    boolean allowLeaks;

    @Option(names = "--engine", paramLabel = "NAME", description = "where tasks run: local (default, a thread pool "
            + "in this JVM) or an engine whose jar is on the class path")
    String engine = Engines.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "the cluster to run on, for an engine that takes one")
    String master;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary table")
    boolean quiet;

    @Option(names = "--json", description = "print the run summary as JSON on stdout (tasks, failed, reused, directory,"
            + " report, database, and summary.json's rows and tests) instead of the table; progress stays on stderr")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (verbose) {
            // Before any logger exists: DL4J/ND4J's INFO logs (quiet by default) and ND4J's start-up
            // block become visible. See dev.foresight.strategies.lstm.LstmRuntime.
            System.setProperty("foresight.verbose", "true");
            if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
        }
        PluginRegistry plugins = PluginRegistry.discover();
        // The fingerprint of the code (part of every cache key) reads and hashes Foresight's and the
        // plugins' class files: a good part of a fully cached re-run's start, done on the other core
        // while the batch is parsed and its data loaded.
        CompletableFuture<String> fingerprint =
                CompletableFuture.supplyAsync(() -> CodeFingerprint.of(plugins));
        BatchSource source = BatchSource.read(args.file, args.overrides);
        BatchSpec batch = source.parse(plugins);
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (n < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1, got " + n);
        }
        // What is certain to fail is refused before anything is announced or trained (exit 2).
        long prepareFrom = System.nanoTime();
        BatchRunner.Prepared prepared = BatchRunner.prepare(batch, BatchRunner.newLoader());
        long prepareNanos = System.nanoTime() - prepareFrom;
        List<dev.foresight.error.UserError> refused = Preflight.check(batch, prepared);
        dev.foresight.batch.Problems.throwIfAny(refused);
        Path dir = out != null ? out : Path.of("runs", batch.name());
        var stderr = ((Main) spec.root().userObject()).err;
        // The header is printed when the runner starts the tasks, i.e. after it has accepted --out: a
        // refusal (a directory that is not a Foresight result) is never preceded by "running batch".
        String header = quiet ? null : String.format("foresight: running batch '%s' (%d experiments) with %d workers -> %s",
                batch.name(), batch.experiments().size(), n, dir);
        var progress = new TerminalProgress(TerminalProgress.choose(quiet, verbose, System.console() != null), stderr,
                header);
        List<String> command = new ArrayList<>(List.of("foresight"));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        Map<String, String> engineOptions = new TreeMap<>();
        if (master != null) {
            engineOptions.put("master", master);
        }
        BatchRunner.Outcome outcome;
        // Ctrl-C and SIGTERM end the JVM through its shutdown hooks: say where the run stopped and
        // how to resume (every finished task is already stored; only the tasks in flight are lost).
        Thread onStop = new Thread(() -> stderr.printf("%nforesight: stopped; %d of %d tasks finished and stored in %s. "
                + "Run the same command again to resume: finished tasks are reused.%n  %s%n", progress.finishedSoFar(),
                progress.totalTasks(), dir, String.join(" ", command)), "foresight-on-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try (Engine chosen = Engines.create(engine, new EngineSettings(n, engineOptions,
                ((Main) spec.root().userObject()).pluginPath))) {
            outcome = new BatchRunner().run(batch, prepared, prepareNanos, new BatchRunner.Options(dir, chosen,
                    progress, command, codeFingerprint(fingerprint), fresh, source));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs
            }
        }
        // The queryable copy of the run, written by the ResultStore (see dev.foresight.results).
        Path database = dir.resolve(dev.foresight.results.ResultsDatabase.FILE);
        var stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tasks", outcome.tasks());
            result.put("failed", outcome.failed());
            result.put("reused", outcome.cached());
            result.put("directory", dir.toString());
            result.put("report", dir.resolve(dev.foresight.reports.html.HtmlReport.REPORT_HTML).toString());
            result.put("database", database.toString());
            result.put("leaking", !outcome.leaks().isEmpty());
            result.put("summary", dev.foresight.result.ResultJson.read(
                    dir.resolve(dev.foresight.result.ResultDirectory.SUMMARY_JSON), Map.class));
            Json.print(stdout, result);
        } else {
            printTable(stdout, outcome, dir);
        }
        if (!outcome.leaks().isEmpty()) {
            return Leaks.report(outcome.leaks(), allowLeaks, stderr);
        }
        return outcome.failed() == 0 ? Main.OK : Main.TASKS_FAILED;
    }

    /** The fingerprint computed in the background; its failure (an unreadable jar) as thrown there. */
    private static String codeFingerprint(CompletableFuture<String> fingerprint) {
        try {
            return fingerprint.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void printTable(PrintWriter stdout, BatchRunner.Outcome outcome, Path dir) {
        stdout.println();
        stdout.print(outcome.table());
        stdout.println();
        stdout.printf("%d tasks, %d failed%s; results in %s%n", outcome.tasks(), outcome.failed(),
                outcome.cached() == 0 ? "" : " (" + outcome.cached() + " reused from an earlier run)", dir);
        stdout.printf("report: %s%n", dir.resolve(dev.foresight.reports.html.HtmlReport.REPORT_HTML));
        stdout.printf("database: %s%n", dir.resolve(dev.foresight.results.ResultsDatabase.FILE));
        stdout.flush();
    }
}
