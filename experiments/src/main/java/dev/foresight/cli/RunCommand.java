package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import dev.foresight.run.engine.BatchSource;
import dev.foresight.run.engine.CodeFingerprint;
import dev.foresight.run.engine.Engine;
import dev.foresight.run.engine.EngineSettings;
import dev.foresight.run.engine.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (args.verbose) {
            // Before any logger exists: DL4J/ND4J's INFO logs (quiet by default) and ND4J's start-up
            // block become visible. See dev.foresight.strategies.lstm.LstmRuntime.
            System.setProperty("foresight.verbose", "true");
            if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
        }
        PluginRegistry plugins = PluginRegistry.discover();
        BatchSource source = BatchSource.read(args.file, args.overrides);
        BatchSpec batch = source.parse(plugins);
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (n < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1, got " + n);
        }
        // What is certain to fail is refused before anything is announced or trained (exit 2).
        List<dev.foresight.error.UserError> refused = Preflight.check(batch, BatchRunner.prepare(batch, BatchRunner.newLoader()));
        if (refused.size() == 1) {
            throw refused.get(0);
        }
        if (!refused.isEmpty()) {
            throw new dev.foresight.error.UserErrors(refused);
        }
        Path dir = out != null ? out : Path.of("runs", batch.name());
        var stderr = ((Main) spec.root().userObject()).err;
        var progress = new TerminalProgress(TerminalProgress.choose(quiet, args.verbose, System.console() != null), stderr);
        if (!quiet) {
            stderr.printf("foresight: running batch '%s' (%d experiments) with %d workers -> %s%n", batch.name(),
                    batch.experiments().size(), n, dir);
        }
        List<String> command = new ArrayList<>(List.of("foresight"));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        java.util.Map<String, String> engineOptions = new java.util.TreeMap<>();
        if (master != null) {
            engineOptions.put("master", master);
        }
        BatchRunner.Outcome outcome;
        try (Engine chosen = Engines.create(engine, new EngineSettings(n, engineOptions))) {
            outcome = new BatchRunner().run(batch, new BatchRunner.Options(dir, chosen, progress, command,
                    CodeFingerprint.of(plugins), fresh, source));
        }
        // The queryable copy of the run (task files stay the source of truth); see dev.foresight.results.
        dev.foresight.results.ResultsDatabase.writeFor(new dev.foresight.result.ResultDirectory(dir));
        var stdout = spec.commandLine().getOut();
        stdout.println();
        stdout.print(outcome.summary().table());
        stdout.println();
        stdout.printf("%d tasks, %d failed%s; results in %s%n", outcome.tasks(), outcome.failed(),
                outcome.cached() == 0 ? "" : " (" + outcome.cached() + " reused from an earlier run)", dir);
        stdout.printf("report: %s%n", dir.resolve(dev.foresight.reports.html.HtmlReport.REPORT_HTML));
        stdout.flush();
        if (!outcome.leaks().isEmpty()) {
            return Leaks.report(outcome.leaks(), allowLeaks, stderr);
        }
        return outcome.failed() == 0 ? Main.OK : Main.TASKS_FAILED;
    }
}
