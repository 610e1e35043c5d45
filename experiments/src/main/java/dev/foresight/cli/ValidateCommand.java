package dev.foresight.cli;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = {"-v", "--verbose"}, description = "the stack trace of an internal error (validate prints every problem either way)")
    boolean verbose;

    @Option(names = "--json", description = "print the result as JSON on stdout: {valid, experiments, tasks} or"
            + " {valid: false, problems: [{source, line, column, field, message}]} (exit 2 all the same)")
    boolean json;

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
        PrintWriter out = spec.commandLine().getOut();
        if (json && !problems.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (UserError p : problems) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("source", p.location().source());
                one.put("line", p.location().line());
                one.put("column", p.location().column());
                one.put("field", p.location().field());
                String text = Main.message(p);
                String prefix = p.location() + ": ";
                one.put("message", text.startsWith(prefix) ? text.substring(prefix.length()) : text);
                list.add(one);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", false);
            result.put("problems", list);
            Json.print(out, result);
            return Main.USER_ERROR;
        }
        dev.foresight.batch.Problems.throwIfAny(problems);
        if (json) {
            List<Map<String, Object>> experiments = new ArrayList<>();
            int total = 0;
            for (ExperimentSpec e : batch.experiments()) {
                int folds = prepared.folds().get(e.name()).size();
                total += folds * e.models().size();
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", e.name());
                one.put("bars", prepared.data().get(e.name()).market().size());
                one.put("folds", folds);
                one.put("models", e.models().stream().map(m -> m.label()).toList());
                experiments.add(one);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", true);
            result.put("file", args.file.toString());
            result.put("experiments", experiments);
            result.put("tasks", total);
            Json.print(out, result);
            return Main.OK;
        }
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
