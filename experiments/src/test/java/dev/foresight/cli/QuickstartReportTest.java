package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.reports.html.Browser;
import dev.foresight.reports.html.HtmlReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart's report, as a reviewer gets it: written by {@code foresight run}, small, opened
 * in headless Chromium without errors, every chart drawn, the tables holding the
 * batch's models ranked as the summary ranks them; and {@code foresight report} re-rendering it
 * from the files alone. Screenshots go to {@code target/} for the developer to look at.
 */
class QuickstartReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 5_000_000;

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void runQuickstart() {
        out = tmp.resolve("quickstart");
        Cli.Result r = Cli.run("run", Path.of("quickstart.yaml"), "--out", out, "-q");
        assertEquals(Main.OK, r.code(), r.toString());
    }

    @Test
    void run_writesASelfContainedReportUnder5MB_andItsExports() throws Exception {
        Path html = out.resolve(HtmlReport.REPORT_HTML);
        long size = Files.size(html);
        System.out.printf("quickstart report.html: %,d bytes%n", size);
        assertTrue(size < MAX_BYTES, "report.html is " + size + " bytes");
        String page = Files.readString(html);
        // Nothing is fetched: no external script, stylesheet, image or font.
        for (String ref : List.of("src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import")) {
            assertTrue(!page.contains(ref), "external reference " + ref);
        }
        assertTrue(Files.readString(out.resolve(HtmlReport.METRICS_CSV)).startsWith("experiment,model,detector,regime,bars,metric,value\n"));
        JsonNode results = JSON.readTree(out.resolve(HtmlReport.RESULTS_JSON).toFile());
        assertEquals("quickstart", results.path("batch").asText());
        assertEquals(4, results.path("experiments").size());
    }

    @Test
    void report_opensInChromiumWithoutErrors_everyChartDrawn_modelsRankedAsTheSummary() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(),
                "Chromium not installed (/usr/bin/chromium or chromium on the PATH): browser test skipped");
        try (Browser b = Browser.start(1400, 1000)) {
            b.open(Path.of("src/test/resources/blank.html").toAbsolutePath()); // warm the renderer once
            long ms = b.open(out.resolve(HtmlReport.REPORT_HTML));
            long inPage = b.eval("Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)").asLong();
            long charts0 = b.awaitCharts();
            System.out.printf("quickstart report.html: load event after %d ms (in the page: %d ms); every chart drawn %d ms later%n",
                    ms, inPage, charts0);
            // No time limit here: on a loaded machine any limit fails at random. How fast the page
            // opens is measured by hand (the figures printed above; see bench/).
            assertEquals(List.of(), b.errors(), "errors in the page");
            assertEquals(List.of(), b.dialogs());
            JsonNode charts = b.eval(dev.foresight.reports.html.Browser.CHART_CHECK);
            assertTrue(charts.path("count").asInt() >= 20, charts.toString());
            assertEquals(0, charts.path("empty").size(), "charts without content: " + charts);
            JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
            for (String experiment : List.of("daily-return", "direction", "volatility")) {
                List<String> shown = new ArrayList<>();
                b.eval("Array.from(document.querySelectorAll('table.leaderboard[data-experiment=\"" + experiment
                        + "\"] tbody tr')).map(r => r.getAttribute('data-model'))").forEach(n -> shown.add(n.asText()));
                List<String> models = new ArrayList<>();
                String best = null;
                double bestValue = Double.NaN;
                for (JsonNode row : summary.path("rows")) {
                    if (!row.path("experiment").asText().equals(experiment)) {
                        continue;
                    }
                    models.add(row.path("model").asText());
                    // traded: by Sharpe, and a model that never holds a position (no Sharpe ratio) is not a strategy
                    // to rank first; volatility: by QLIKE
                    boolean traded = !experiment.equals("volatility");
                    JsonNode value = traded ? row.path("sharpe") : row.path("qlike");
                    if (value.isNull() || value.isMissingNode()) {
                        continue;
                    }
                    double v = value.asDouble();
                    if (best == null || (traded ? v > bestValue : v < bestValue)) {
                        best = row.path("model").asText();
                        bestValue = v;
                    }
                }
                assertEquals(models.stream().sorted().toList(), shown.stream().sorted().toList(), experiment);
                assertEquals(best, shown.get(0), experiment + ": the leaderboard's first row is the summary's best");
            }
            String text = b.eval("document.getElementById('glance').innerText").asText();
            assertTrue(text.contains("All leakage checks passed"), text);
            b.screenshot(Path.of("target", "report-screenshot.png"), 1400);
            for (String section : List.of("header", "glance", "leaderboard", "regimes", "equity", "tearsheet", "forecasts", "rolling", "folds", "leakage", "conventions")) {
                b.screenshotOf("#" + section, Path.of("target", "report-screenshot-" + section + ".png"));
            }
            assertEquals(List.of(), b.errors());
        }
    }

    @Test
    void reportCommand_rerendersFromTheFilesAlone_withIdenticalExports() throws Exception {
        byte[] csv = Files.readAllBytes(out.resolve(HtmlReport.METRICS_CSV));
        byte[] json = Files.readAllBytes(out.resolve(HtmlReport.RESULTS_JSON));
        String tasks = digest(out.resolve("tasks"));
        Files.delete(out.resolve(HtmlReport.REPORT_HTML));
        Cli.Result r = Cli.run("report", out);
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(Files.size(out.resolve(HtmlReport.REPORT_HTML)) > 0);
        assertArrayEquals(csv, Files.readAllBytes(out.resolve(HtmlReport.METRICS_CSV)), "metrics.csv");
        assertArrayEquals(json, Files.readAllBytes(out.resolve(HtmlReport.RESULTS_JSON)), "results.json");
        assertEquals(tasks, digest(out.resolve("tasks")), "task files changed");
    }

    @Test
    void reportCommand_onADirectoryThatIsNoResult_isAUserError() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = Cli.run("report", empty);
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("not a Foresight result directory"), r.toString());
        assertEquals(Main.USER_ERROR, Cli.run("report", tmp.resolve("missing")).code());
    }

    @Test
    void reportCommand_pdf_printsWithChromium() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(), "Chromium not installed: --pdf test skipped");
        Cli.Result r = Cli.run("report", out, "--pdf");
        assertEquals(Main.OK, r.code(), r.toString());
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        // the default PDF is the meeting summary: at most 10 pages for the quickstart's four experiments
        int pages = Browser.pdfPages(out.resolve("report.pdf"));
        org.junit.jupiter.api.Assertions.assertTrue(pages <= 10, "default PDF of " + pages + " pages");
        Cli.Result full = Cli.run("report", out, "--pdf", "full");
        assertEquals(Main.OK, full.code(), full.toString());
        org.junit.jupiter.api.Assertions.assertTrue(Browser.pdfPages(out.resolve("report.pdf")) > pages, "--pdf full prints more");
        Cli.Result bad = Cli.run("report", out, "--pdf", "everything");
        assertEquals(2, bad.code(), bad.toString());
    }

    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
                md.update(Files.getLastModifiedTime(f).toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
