package dev.foresight.cli;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.reports.html.HtmlReport;
import dev.foresight.reports.html.Pdf;
import dev.foresight.result.ResultDirectory;
import dev.foresight.run.ResultStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code foresight report DIR [--pdf]}: re-renders a finished run's report from its result files
 * alone (no forecast is recomputed). With {@code --pdf} it also prints the page with headless
 * Chromium; when no Chromium is installed it says so and exits {@value #NO_PDF}: the HTML was
 * written, the PDF that was asked for was not — not a mistake in the user's data (2), not a bug
 * (1), and a script that needs the PDF must be able to tell.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render report.html (and metrics.csv, results.json) from a finished run's result directory, "
                + "without recomputing anything; --pdf also prints it to report.pdf with headless Chromium.")
final class ReportCommand implements Callable<Integer> {

    /** Exit code when --pdf was asked for but no PDF could be written (the HTML was). */
    static final int NO_PDF = Main.NO_PDF;

    @Parameters(index = "0", paramLabel = "DIR", description = "a result directory written by 'foresight run'")
    Path dir;

    @Option(names = "--pdf", arity = "0..1", fallbackValue = "summary", paramLabel = "full",
            description = "also write report.pdf (needs Chromium: Debian package 'chromium'): the meeting summary "
                    + "(verdict, leaderboard, model confidence sets, regimes, equity; at most 10 pages), or every section "
                    + "with '--pdf full'")
    String pdf;

    @Option(names = {"-v", "--verbose"}, description = "stack traces on errors")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (pdf != null && !pdf.equals("summary") && !pdf.equals("full")) {
            throw new UserError(Location.of("--pdf"), "takes 'full' or nothing, got '" + pdf + "'");
        }
        // The same rules as 'run': only a directory Foresight created, and not while a run writes it.
        try (ResultStore store = ResultStore.openForReport(dir, List.of("foresight", "report", dir.toString()))) {
            return render(store.results());
        }
    }

    private int render(ResultDirectory results) {
        long t0 = System.nanoTime();
        HtmlReport.Written w = HtmlReport.write(results);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s (%.1f MB, %.2f s), %s, %s%n", w.html(), w.htmlBytes() / 1e6, (System.nanoTime() - t0) / 1e9,
                w.csv().getFileName(), w.json().getFileName());
        out.flush();
        if (pdf == null) {
            return Main.OK;
        }
        PrintStream err = ((Main) spec.root().userObject()).err;
        Optional<Path> browser = Pdf.chromium();
        if (browser.isEmpty()) {
            err.println("warning: --pdf: no Chromium found (looked for /usr/bin/chromium and " + String.join(", ", Pdf.BROWSERS)
                    + " on the PATH), so report.pdf was NOT written; install it (Debian/Ubuntu: apt-get install chromium) "
                    + "or print report.html from a browser");
            return NO_PDF;
        }
        Path target = results.file(HtmlReport.REPORT_PDF);
        try {
            Pdf.print(browser.get(), w.html(), target, pdf.equals("full"));
        } catch (IOException e) {
            err.println("warning: --pdf: report.pdf was NOT written: " + e.getMessage());
            return NO_PDF;
        }
        out.printf("wrote %s%n", target);
        out.flush();
        return Main.OK;
    }
}
