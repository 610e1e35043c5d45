package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.result.ResultDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written report opened in headless Chromium, as a reviewer would: nothing from a user
 * string runs, it reads as text, every chart draws, and the page logs no error. Skipped when
 * Chromium is not installed (Debian: {@code apt-get install chromium}).
 */
class ReportInBrowserTest {

    @TempDir
    Path root;

    @Test
    void xssExperimentName_isShownAsText_neverExecuted_andEveryChartDraws() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(),
                "Chromium not installed (/usr/bin/chromium or chromium on the PATH): browser test skipped");
        ResultDirectory dir = HandWrittenRun.write(root, HandWrittenRun.XSS, true);
        HtmlReport.write(dir);
        try (Browser b = Browser.start(1400, 1000)) {
            b.open(dir.file(HtmlReport.REPORT_HTML));
            b.awaitCharts();
            assertEquals(List.of(), b.dialogs(), "a script from a user string ran");
            assertEquals(List.of(), b.errors(), "errors in the page");
            String text = b.eval("document.body.innerText").asText();
            assertTrue(text.contains(HandWrittenRun.XSS), "the experiment name is shown as text");
            assertTrue(text.contains("<img src=x onerror=alert(2)>"), "the failure message is shown as text");
            assertTrue(b.eval("document.querySelectorAll('img').length").asInt() == 0, "no element from user HTML");
            JsonNode charts = b.eval(Browser.CHART_CHECK);
            assertTrue(charts.path("count").asInt() >= 8, charts.toString());
            assertEquals(0, charts.path("empty").size(), "charts without content: " + charts);
            List<String> models = new ArrayList<>();
            b.eval("Array.from(document.querySelectorAll('table.leaderboard tbody tr')).map(r => r.getAttribute('data-model'))")
                    .forEach(n -> models.add(n.asText()));
            assertEquals(List.of("random-walk", "lstm", "garch", "=cmd|' /C calc'!A0").stream().sorted().toList(),
                    models.stream().sorted().toList());
            // Sorting by clicking a header reorders the rows (the model column, ascending).
            b.eval("document.querySelectorAll('table.leaderboard th')[1].click()");
            List<String> sorted = new ArrayList<>();
            b.eval("Array.from(document.querySelectorAll('table.leaderboard tbody tr')).map(r => r.getAttribute('data-model'))")
                    .forEach(n -> sorted.add(n.asText()));
            assertEquals(models.stream().sorted().toList(), sorted);
            b.screenshot(Path.of("target", "report-xss-screenshot.png"), 1400);
            assertEquals(List.of(), b.dialogs());
            assertEquals(List.of(), b.errors());
        }
    }
}
