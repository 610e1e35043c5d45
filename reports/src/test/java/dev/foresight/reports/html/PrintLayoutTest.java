package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.result.ResultDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed report in headless Chromium: what it shows, that nothing overlaps, and how long it is. */
class PrintLayoutTest {

    @TempDir
    Path root;

    /**
     * Opened as the PDF printer opens it ({@code #print}) with print media emulated: no errors, no zoom
     * slider or button drawn, no two boxes overlapping, the detail sections left out — and opened at
     * {@code #print-full}, every section there and still nothing overlapping.
     */
    @Test
    void printLayout_hasNoOverlappingBoxes_noInteractiveParts_andNoErrors() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(), "Chromium not installed: print layout test skipped");
        ResultDirectory dir = HandWrittenRun.write(root, "returns", false);
        HtmlReport.write(dir);
        String url = dir.file(HtmlReport.REPORT_HTML).toAbsolutePath().toUri().toString();
        try (Browser b = Browser.start(1100, 900)) {
            b.send("Emulation.setEmulatedMedia", Map.of("media", "print"));
            b.open(url + "#print");
            b.awaitCharts();
            assertEquals(List.of(), b.errors(), "errors in the page");
            JsonNode overlaps = b.eval(Browser.OVERLAPS);
            assertEquals(0, overlaps.size(), "overlapping boxes in print: " + overlaps);
            // no chart has a zoom slider, no control is visible
            JsonNode sliders = b.eval("Object.values(window.echarts ? document.querySelectorAll('.chart[data-chart]') : [])"
                    + ".map(el => echarts.getInstanceByDom(el)).filter(c => c)"
                    + ".filter(c => (c.getOption().dataZoom || []).some(z => z.type === 'slider' && z.show !== false)).length");
            assertEquals(0, sliders.asInt(), "charts with a zoom slider in print");
            assertEquals(0, b.eval("Array.from(document.querySelectorAll('button, select'))"
                    + ".filter(e => e.getBoundingClientRect().height > 0).length").asInt(), "visible controls in print");
            for (String hidden : List.of("#tearsheet", "#rolling", "#folds", "#config", "#leakage")) {
                assertEquals("none", b.eval("getComputedStyle(document.querySelector('" + hidden + "')).display").asText(), hidden);
            }
            for (String shown : List.of("#glance", "#leaderboard", "#comparisons", "#regimes", "#equity")) {
                assertTrue(!b.eval("getComputedStyle(document.querySelector('" + shown + "')).display").asText().equals("none"), shown);
            }
        }
        try (Browser b = Browser.start(1100, 900)) {
            b.send("Emulation.setEmulatedMedia", Map.of("media", "print"));
            b.open(url + "#print-full");
            b.awaitCharts();
            assertEquals(List.of(), b.errors(), "errors in the full page");
            assertEquals("block", b.eval("getComputedStyle(document.querySelector('#config')).display").asText());
            JsonNode full = b.eval(Browser.OVERLAPS);
            assertEquals(0, full.size(), "overlapping boxes in the full print: " + full);
        }
    }

    /** On screen, too, nothing overlaps (a wide and a narrow window). */
    @Test
    void screenLayout_hasNoOverlappingBoxes() throws Exception {
        Assumptions.assumeTrue(Browser.available().isPresent(), "Chromium not installed: layout test skipped");
        ResultDirectory dir = HandWrittenRun.write(root, "returns", false);
        HtmlReport.write(dir);
        for (int width : new int[] {1400, 800}) {
            try (Browser b = Browser.start(width, 900)) {
                b.open(dir.file(HtmlReport.REPORT_HTML));
                b.awaitCharts();
                assertEquals(List.of(), b.errors());
                JsonNode overlaps = b.eval(Browser.OVERLAPS);
                assertEquals(0, overlaps.size(), width + " px: overlapping boxes: " + overlaps);
            }
        }
    }

    /** The default PDF is the meeting summary, at most 10 pages; {@code full} prints more. */
    @Test
    void defaultPdf_isAtMostTenPages_andFullIsLonger() throws Exception {
        Assumptions.assumeTrue(Pdf.chromium().isPresent(), "Chromium not installed: PDF test skipped");
        ResultDirectory dir = HandWrittenRun.write(root, "returns", false);
        HtmlReport.write(dir);
        Path summary = root.resolve("summary.pdf");
        Path full = root.resolve("full.pdf");
        Pdf.print(Pdf.chromium().get(), dir.file(HtmlReport.REPORT_HTML), summary, false);
        Pdf.print(Pdf.chromium().get(), dir.file(HtmlReport.REPORT_HTML), full, true);
        int pages = Browser.pdfPages(summary);
        assertTrue(pages >= 1 && pages <= 10, pages + " pages");
        assertTrue(Browser.pdfPages(full) > pages, Browser.pdfPages(full) + " vs " + pages);
    }
}
