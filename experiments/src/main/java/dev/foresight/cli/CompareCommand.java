package dev.foresight.cli;

import dev.foresight.results.RunComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code foresight compare RUN_A RUN_B}: scores side by side, what changed, and which differences are significant. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two runs: what changed (code commit, configuration keys, data hashes), each "
                + "experiment x model's scores side by side, and a Diebold-Mariano test of B's forecast errors against "
                + "A's on the bars both forecast.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "a run directory (with results.duckdb)")
    Path a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "another run directory")
    Path b;

    @Option(names = "--regimes", description = "also compare the scores per regime")
    boolean regimes;

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunComparison c = RunComparison.of(a, b);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, regimes ? c : new RunComparison(c.a(), c.b(), c.changes(), c.scores(), c.tests(),
                    List.of()));
            return Main.OK;
        }
        out.printf("A: %s%nB: %s%n%n", a, b);
        out.println("what changed:");
        if (c.changes().isEmpty()) {
            out.println("  nothing: same code commit, configuration and data");
        }
        c.changes().forEach(line -> out.println("  " + line));
        out.println();
        out.println("scores (A | B):");
        out.printf("  %-24s %-20s", "experiment", "model");
        for (String m : RunComparison.METRICS) {
            out.printf(" %21s", m);
        }
        out.println();
        for (RunComparison.ScorePair p : c.scores()) {
            out.printf("  %-24s %-20s", p.experiment(), p.model());
            for (String m : RunComparison.METRICS) {
                out.printf(" %21s", num(p.a() == null ? null : p.a().get(m)) + " | "
                        + num(p.b() == null ? null : p.b().get(m)));
            }
            out.println();
        }
        out.println();
        out.printf("significance: Diebold-Mariano (HLN), B's errors against A's on shared bars, level %.2f;"
                + " negative statistic = B's loss lower%n", RunComparison.LEVEL);
        out.printf("  %-24s %-20s %6s %9s %8s %9s %8s  %s%n", "experiment", "model", "bars", "DM sq", "p", "DM abs", "p",
                "verdict");
        for (RunComparison.Test t : c.tests()) {
            out.printf("  %-24s %-20s %6d %9s %8s %9s %8s  %s%s%n", t.experiment(), t.model(), t.sharedBars(),
                    num(t.squaredStatistic()), num(t.squaredP()), num(t.absoluteStatistic()), num(t.absoluteP()),
                    t.verdict(), t.note() == null ? "" : " (" + t.note() + ")");
        }
        if (regimes) {
            out.println();
            out.println("per regime (A | B):");
            out.printf("  %-24s %-14s %-10s %-20s %13s %21s %21s%n", "experiment", "detector", "regime", "model", "bars",
                    "rmse", "sharpe");
            for (RunComparison.RegimePair r : c.regimes()) {
                out.printf("  %-24s %-14s %-10s %-20s %13s %21s %21s%n", r.experiment(), r.detector(), r.regime(),
                        r.model(), r.barsA() + " | " + r.barsB(), num(r.rmseA()) + " | " + num(r.rmseB()),
                        num(r.sharpeA()) + " | " + num(r.sharpeB()));
            }
        }
        out.flush();
        return Main.OK;
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
