package dev.foresight.cli;

import dev.foresight.results.RunCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code foresight runs [DIR]}: the catalogue of runs, newest first, read from each run's results database. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs under DIR, newest first: batch, time, code commit, config hash, tasks and the "
                + "headline score (each run's results.duckdb is the catalogue entry).")
final class RunsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "the folder holding run directories (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--json", description = "print the catalogue as JSON")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<RunCatalogue.Entry> runs = RunCatalogue.list(root);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, runs);
            return Main.OK;
        }
        if (runs.isEmpty()) {
            out.println("no runs with a results database under " + root);
            out.flush();
            return Main.OK;
        }
        out.printf("%-20s  %-20s  %-10s  %-12s  %9s  %s  %s%n", "started (UTC)", "batch", "commit", "config", "tasks",
                "best", "directory");
        for (RunCatalogue.Entry e : runs) {
            if (e.problem() != null) {
                out.printf("%-20s  %-20s  %-10s  %-12s  %9s  %s  %s%n", "?", "?", "?", "?", "?", e.problem(),
                        e.directory());
                continue;
            }
            String commit = e.codeCommit() == null ? "?" : e.codeCommit().substring(0, Math.min(8, e.codeCommit().length()))
                    + (e.codeDirty() ? "+" : "");
            String sha = e.batchSha256() == null ? "?" : e.batchSha256().substring(0, Math.min(12, e.batchSha256().length()));
            String tasks = e.failedTasks() == 0 ? String.valueOf(e.tasks()) : e.tasks() + " (" + e.failedTasks() + "!)";
            out.printf("%-20s  %-20s  %-10s  %-12s  %9s  %s  %s%n", e.started(), e.batch(), commit, sha, tasks, e.best(),
                    e.directory());
        }
        out.flush();
        return Main.OK;
    }
}
