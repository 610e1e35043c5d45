package dev.foresight.cli;

import static dev.foresight.cli.Cli.read;
import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.reports.html.Browser;
import dev.foresight.reports.html.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio and risk sections of the HTML report, for a two-asset portfolio with a regime
 * detector. Each model's book row shows portfolio.json's figures, and beneath it each asset the
 * model's figures on that asset alone (summary.json's member experiment row) beside the asset's
 * contribution to the book; the same section comes out of the run and of {@code foresight report}
 * re-rendering from the files. In headless Chromium: the sections are on the screen (not only in
 * {@code --pdf full}), the risk tables hold every experiment's VaR backtests overall and per regime,
 * and the page logs no error.
 */
class PortfolioReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BATCH = """
            name: book
            seed: 3
            data:
              symbol: A
              synthetic: {kind: panel, asset: 1, bars: 600, seed: 5}
              inputs:
                - {symbol: B, synthetic: {kind: panel, asset: 2, bars: 600, seed: 5}}
            experiments:
              - name: two
                target: log-return
                features: [{kind: returns, lags: 2}]
                walk_forward: {train: 300, test: 100}
                costs: {bps: 10}
                regimes: [{kind: truth}]
                portfolio: {assets: [A, B], weighting: [equal, inverse-volatility]}
                models: [{kind: ar, p: 1, scaling: none}, {kind: random-walk}]
            """;

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void runBatch() {
        out = dir.resolve("out");
        Cli.Result r = run("run", write(dir.resolve("b.yaml"), BATCH), "--out", out, "--quiet", "--workers", 1);
        assertEquals(0, r.code(), r.toString());
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"section\" id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** A figure as the page shows it; "–" for one that does not apply (a model that never trades has no Sharpe). */
    private static String fmt(String format, JsonNode v, double scale) {
        return v == null || v.isNull() ? "–" : String.format(Locale.ROOT, format, scale * v.asDouble());
    }

    @Test
    void portfolioSection_isTheSameFromTheRunAndFromTheFiles() throws Exception {
        String fromRun = section(read(out.resolve(HtmlReport.REPORT_HTML)), "portfolio");
        Cli.Result r = run("report", out); // re-rendered from the files alone (portfolio.json read back)
        assertEquals(0, r.code(), r.toString());
        assertEquals(fromRun, section(read(out.resolve(HtmlReport.REPORT_HTML)), "portfolio"));
        assertTrue(fromRun.contains("two — equal") && fromRun.contains("two — inverse-volatility"), fromRun);
    }

    @Test
    void aReportWithoutPortfolio_hasNoPortfolioSectionOrLink(@TempDir Path other) {
        Path o = other.resolve("out");
        Cli.Result r = run("run", write(other.resolve("b.yaml"), BATCH.replace(
                "    portfolio: {assets: [A, B], weighting: [equal, inverse-volatility]}\n", "")),
                "--out", o, "--quiet", "--workers", 1);
        assertEquals(0, r.code(), r.toString());
        String html = read(o.resolve(HtmlReport.REPORT_HTML));
        assertFalse(read(o.resolve("config.resolved.json")).contains("portfolio"), "the batch has no portfolio");
        assertFalse(html.contains("id=\"portfolio\"") || html.contains("href=\"#portfolio\""));
        assertTrue(html.contains("id=\"risk\""));
    }

    @Test
    void inChromium_bookBesideEachAsset_andTheRiskTablesPerExperimentAndRegime() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(),
                "Chromium not installed (/usr/bin/chromium or chromium on the PATH): browser test skipped");
        JsonNode books = JSON.readTree(read(out.resolve("portfolio.json")));
        JsonNode summary = JSON.readTree(read(out.resolve("summary.json"))).get("rows");
        try (Browser b = Browser.start(1400, 1000)) {
            b.open(out.resolve(HtmlReport.REPORT_HTML));
            b.awaitCharts();
            assertEquals(List.of(), b.errors(), "errors in the page");
            assertTrue(b.eval("document.querySelector('nav a[href=\"#portfolio\"]') !== null").asBoolean());
            for (String id : List.of("portfolio", "risk")) {
                assertTrue(b.eval("document.getElementById('" + id + "').offsetHeight").asInt() > 100,
                        id + " is shown on the screen");
            }
            // one table per weighting: rows book, A, B for each model, in portfolio.json's order
            JsonNode tables = b.eval("Array.from(document.querySelectorAll('#portfolio table')).map(t =>"
                    + " Array.from(t.querySelectorAll('tbody tr')).map(r => Array.from(r.cells).map(c => c.innerText)))");
            assertEquals(2, tables.size(), tables.toString());
            int k = 0;
            for (int w = 0; w < 2; w++) {
                JsonNode rows = tables.get(w);
                int i = 0;
                for (int m = 0; m < 2; m++) {
                    JsonNode book = books.get(k++);
                    JsonNode shown = rows.get(i++);
                    assertTrue(shown.get(0).asText().startsWith(book.get("model").asText()), shown.toString());
                    if (!book.get("error").isNull()) {
                        assertTrue(shown.get(0).asText().contains("no portfolio"), shown.toString());
                        continue;
                    }
                    assertEquals(fmt("%.2f", book.get("sharpe"), 1), shown.get(2).asText());
                    assertEquals(fmt("%.1f%%", book.get("annualReturn"), 100), shown.get(3).asText());
                    assertEquals(fmt("%.3f", book.get("psr"), 1), shown.get(8).asText());
                    double total = 0;
                    for (String asset : List.of("A", "B")) {
                        JsonNode a = rows.get(i++);
                        double contribution = book.get("contributions").get(asset).asDouble();
                        total += contribution;
                        assertTrue(a.get(0).asText().startsWith(asset + " two." + asset), a.toString());
                        assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * contribution), a.get(7).asText());
                        JsonNode alone = null;
                        for (JsonNode s : summary) {
                            if (s.get("experiment").asText().equals("two." + asset)
                                    && s.get("model").asText().equals(book.get("model").asText())) {
                                alone = s;
                            }
                        }
                        assertEquals(fmt("%.2f", alone.get("sharpe"), 1), a.get(2).asText(),
                                "the asset traded alone: its member experiment's Sharpe");
                        assertEquals(String.valueOf(alone.get("bars").asInt()), a.get(1).asText());
                    }
                    assertEquals("Σ " + String.format(Locale.ROOT, "%.2f%%", 100 * total), shown.get(7).asText());
                }
            }
            // risk: a block per member experiment, with regime rows of the truth detector
            List<String> experiments = new ArrayList<>();
            b.eval("Array.from(document.querySelectorAll('#risk h3')).map(h => h.innerText)")
                    .forEach(n -> experiments.add(n.asText()));
            assertEquals(List.of("two.A", "two.B"), experiments);
            JsonNode regimeRows = b.eval("Array.from(document.querySelectorAll('#risk tr.sub-row')).map(r => r.cells[0].innerText)");
            assertTrue(regimeRows.size() >= 4, regimeRows.toString());
            assertTrue(regimeRows.get(0).asText().contains("truth: "), regimeRows.toString());
            b.screenshotOf("#portfolio", Path.of("target", "report-screenshot-portfolio.png"));
            assertEquals(List.of(), b.errors());
        }
    }
}
