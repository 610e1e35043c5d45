package dev.foresight.cli;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.ExperimentData;
import dev.foresight.walkforward.Fold;
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

/** {@code foresight plan BATCH.yaml}: the folds of every experiment, with dates, without running anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print each experiment's walk-forward folds with their dates.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    BatchArguments args;

    @Option(names = {"-v", "--verbose"}, description = "the stack trace of an internal error")
    boolean verbose;

    @Option(names = "--json", description = "print the folds as JSON: per experiment its bars, dates and each fold's"
            + " train, validation and test windows (dates and bar indices)")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BatchSpec batch = Batches.load(args.file, args.overrides, PluginRegistry.discover());
        PrintWriter out = spec.commandLine().getOut();
        ExperimentData data = new ExperimentData();
        if (json) {
            List<Map<String, Object>> experiments = new ArrayList<>();
            for (ExperimentSpec e : batch.experiments()) {
                var market = data.load(e);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("experiment", e.name());
                one.put("bars", market.size());
                one.put("first_date", market.date(0).toString());
                one.put("last_date", market.date(market.size() - 1).toString());
                one.put("target", e.target().instance().name());
                one.put("window", e.plan().window().yamlName());
                one.put("folds", data.folds(e, market).stream()
                        .map(f -> dev.foresight.result.FoldWindow.of(f, market)).toList());
                experiments.add(one);
            }
            Json.print(out, experiments);
            return Main.OK;
        }
        for (ExperimentSpec e : batch.experiments()) {
            var market = data.load(e);
            List<Fold> folds = data.folds(e, market);
            int h = e.target().instance().horizon();
            out.printf("experiment %s: %d bars %s..%s, target %s, %s window, %d folds%n", e.name(), market.size(),
                    market.date(0), market.date(market.size() - 1), e.target().instance().name(),
                    e.plan().window().yamlName(), folds.size());
            out.printf("  gap between last training row and first test bar: horizon %d + embargo %d%n", h, e.plan().embargo());
            out.printf("  %4s  %-23s  %6s  %-23s  %-23s  %5s%n", "fold", "train", "rows", "validation", "test", "bars");
            for (Fold f : folds) {
                String validation = f.hasValidation()
                        ? market.date(f.validationStart()) + ".." + market.date(f.trainEnd()) : "-";
                out.printf("  %4d  %-23s  %6d  %-23s  %-23s  %5d%n", f.index(),
                        market.date(f.trainStart()) + ".." + market.date(f.fitEnd()), f.fitEnd() - f.trainStart() + 1,
                        validation, market.date(f.testStart()) + ".." + market.date(f.testEnd()), f.testSize());
            }
            out.println();
        }
        out.flush();
        return Main.OK;
    }
}
