package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import dev.foresight.run.CodeFingerprint;
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

    @Option(names = "--engine", paramLabel = "NAME", description = "who computes the tasks: local (this JVM's thread "
            + "pool, the default) or spark (needs the Spark launcher, which ./foresight starts for you; see README)")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "with --engine spark: the Spark master (local[N], "
            + "spark://host:7077, yarn...); default local[--workers], or what spark-submit set")
    String master;

    @Option(names = "--fresh", description = "recompute every task, even those an earlier run into --out finished "
            + "with the same inputs")
    boolean fresh;

    @Option(names = "--allow-leaks", description = "finish with the usual exit code even when a leakage check fails; "
            + "the run is then marked as leaking in its results and summary")
    boolean allowLeaks;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary table")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The local pool, or the engine named by {@code --engine} from this class path. */
    private dev.foresight.run.Engine engine(int n) {
        if (engine.equals("local")) {
            if (master != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--master is for --engine spark; the local engine runs on this machine");
            }
            return dev.foresight.run.Engine.LOCAL;
        }
        var provider = dev.foresight.run.EngineProvider.find(engine).orElseThrow(() ->
                new picocli.CommandLine.ParameterException(spec.commandLine(), "no engine '" + engine + "' in this "
                        + "launcher: 'local' is built in; for 'spark' run ./foresight (which starts ./foresight-spark) "
                        + "or spark-submit the foresight-spark jar (see README, 'Running on Spark')"));
        return provider.create(args.file, args.overrides, java.util.Optional.ofNullable(master),
                java.util.Optional.ofNullable(workers == null ? null : n));
    }

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
        BatchSpec batch = Batches.load(args.file, args.overrides, plugins);
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
        dev.foresight.run.Engine chosen = engine(n);
        var stderr = ((Main) spec.root().userObject()).err;
        var progress = new TerminalProgress(TerminalProgress.choose(quiet, args.verbose, System.console() != null), stderr);
        if (!quiet) {
            if (chosen == dev.foresight.run.Engine.LOCAL) {
                stderr.printf("foresight: running batch '%s' (%d experiments) with %d workers -> %s%n", batch.name(),
                        batch.experiments().size(), n, dir);
            } else {
                stderr.printf("foresight: running batch '%s' (%d experiments) on %s -> %s%n", batch.name(),
                        batch.experiments().size(), chosen, dir);
            }
        }
        List<String> command = new ArrayList<>(List.of("foresight"));
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        BatchRunner.Outcome outcome = new BatchRunner().run(batch, new BatchRunner.Options(dir, n, progress, command,
                CodeFingerprint.of(plugins), fresh, chosen));
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
