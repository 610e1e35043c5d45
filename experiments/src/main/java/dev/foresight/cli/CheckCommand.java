package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.result.CheckOutcome;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code foresight check BATCH.yaml}: the leakage checks alone, fast, writing nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run only the leakage checks, like a linter: fold integrity on every fold, features and regime "
                + "labels on every fold without training, each model on its first fold. Exit 3 when a check fails.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    BatchArguments args;

    @Option(names = {"-v", "--verbose"}, description = "the stack trace of an internal error")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BatchSpec batch = Batches.load(args.file, args.overrides, PluginRegistry.discover());
        PrintWriter out = spec.commandLine().getOut();
        List<String> leaks = new ArrayList<>();
        String experiment = null;
        for (BatchCheck.Line line : new BatchCheck().check(batch)) {
            if (!line.experiment().equals(experiment)) {
                experiment = line.experiment();
                out.println("experiment " + experiment);
            }
            CheckOutcome c = line.outcome();
            out.printf("  %-4s %-22s %s: %s%n", c.failed() ? "FAIL" : "ok", c.check(), line.scope(),
                    (c.plugin().isEmpty() ? "" : c.plugin() + ": ") + c.evidence());
            if (c.failed()) {
                leaks.add(line.experiment() + ", " + line.scope() + ": " + c.describe());
            }
        }
        out.flush();
        if (!leaks.isEmpty()) {
            return Leaks.report(leaks, false, ((Main) spec.root().userObject()).err);
        }
        out.println("all leakage checks passed");
        out.flush();
        return Main.OK;
    }
}
