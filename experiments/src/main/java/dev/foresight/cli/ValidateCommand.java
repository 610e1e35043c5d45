package dev.foresight.cli;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code foresight validate BATCH.yaml}: everything {@code run} checks before running — keys,
 * types, ranges, plugin kinds and parameters, data files, walk-forward plans — all problems in one
 * pass, each located; runs nothing, writes nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a batch without running it: every problem, located, in one pass (exit 2 if any).")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    BatchArguments args;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BatchParser.Lenient parsed = Batches.loadLenient(args.file, args.overrides, PluginRegistry.discover());
        BatchSpec batch = parsed.batch();
        List<UserError> problems = new ArrayList<>(parsed.problems());
        BatchRunner.Prepared prepared = null;
        var loader = BatchRunner.newLoader();
        for (var data : parsed.invalidExperimentsData()) {
            try {
                loader.load(data); // data files of experiments with other problems are checked too
            } catch (UserError e) {
                problems.add(e);
            }
        }
        try {
            prepared = BatchRunner.prepare(batch, loader);
        } catch (UserError e) {
            problems.add(e);
        } catch (UserErrors e) {
            problems.addAll(e.errors());
        }
        if (problems.isEmpty()) {
            problems.addAll(Preflight.check(batch, prepared)); // needs the data and folds, so only once they are sound
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new UserErrors(problems);
        }
        PrintWriter out = spec.commandLine().getOut();
        int tasks = 0;
        for (ExperimentSpec e : batch.experiments()) {
            int folds = prepared.folds().get(e.name()).size();
            tasks += folds * e.models().size();
            out.printf("  %s: %d bars, %d folds, %d models (%s)%n", e.name(), prepared.data().get(e.name()).market().size(),
                    folds, e.models().size(), String.join(", ", e.models().stream().map(m -> m.label()).toList()));
        }
        int experiments = batch.experiments().size();
        out.printf("%s is valid: %d experiment%s, %d task%s%n", args.file, experiments, experiments == 1 ? "" : "s", tasks,
                tasks == 1 ? "" : "s");
        out.flush();
        return Main.OK;
    }
}
