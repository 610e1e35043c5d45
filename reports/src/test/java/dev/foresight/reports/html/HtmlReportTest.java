package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.result.ResultDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a hand-written result directory, read as text (the browser test reads it as a person would). */
class HtmlReportTest {

    @TempDir
    Path root;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String render(String experiment, boolean leak) throws Exception {
        ResultDirectory dir = HandWrittenRun.write(root, experiment, leak);
        HtmlReport.write(dir);
        return Files.readString(dir.file(HtmlReport.REPORT_HTML));
    }

    /** The text of the page's JSON data block. */
    private static String dataBlock(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no data block");
        return m.group(1);
    }

    @Test
    void userStrings_areEscapedEverywhere_andNoScriptButOursCanRun() throws Exception {
        String html = render(HandWrittenRun.XSS, false);
        // Exactly three script elements: the data block, the chart library and the page script.
        assertEquals(3, Pattern.compile("<script").matcher(html).results().count(), "script elements");
        assertFalse(html.contains("<script>alert"), "raw script from a user string");
        assertFalse(html.contains("<img src=x"), "raw HTML from a failure message");
        assertFalse(html.contains("<!-- a comment"), "raw comment from the description");
        assertFalse(html.contains("<i>low</i>"), "raw HTML from a regime label");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the experiment name shown as text");
        assertTrue(html.contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;"), "the failure message shown as text");
        // The data block holds no '<', '>' or '&' at all, and parses back to the original strings.
        String data = dataBlock(html);
        assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), "unescaped markup in the data block");
        JsonNode parsed = JSON.readTree(data);
        List<String> names = new ArrayList<>();
        parsed.path("charts").forEach(c -> c.path("series").forEach(s -> names.add(s.path("name").asText())));
        assertTrue(names.contains("=cmd|' /C calc'!A0"), names.toString());
        assertTrue(parsed.toString().contains("<i>low</i>"), "the regime label survives as data");
        // The content security policy allows only the two inlined scripts, by hash.
        assertTrue(html.contains("script-src 'sha256-"), "CSP with script hashes");
    }

    @Test
    void scriptJson_escapesWhatCouldEndOrReopenTheScriptBlock_andRoundTrips() throws Exception {
        String nasty = "</script><!--<script>\u2028\u2029&é\"\\";
        String json = ScriptJson.of(Map.of("s", nasty));
        assertEquals("{\"s\":\"\\u003C/script\\u003E\\u003C!--\\u003Cscript\\u003E\\u2028\\u2029\\u0026\\u00E9\\\"\\\\\"}", json);
        assertEquals(nasty, JSON.readTree(json).path("s").asText());
    }

    @Test
    void report_holdsEverySectionModelFailureAndLeak() throws Exception {
        String html = render("ret", true);
        for (String id : List.of("header", "glance", "leaderboard", "regimes", "equity", "tearsheet", "forecasts", "rolling", "training",
                "parameters", "folds", "leakage", "conventions", "config")) {
            assertTrue(html.contains("id=\"" + id + "\""), "section " + id);
        }
        for (String model : List.of("random-walk", "lstm", "garch")) {
            assertTrue(html.contains("data-model=\"" + model + "\""), "leaderboard row " + model);
        }
        // the failed fold, with its reason, and the leak with its evidence
        assertTrue(html.contains("FAILED"), "failed fold");
        assertTrue(html.contains("did not converge"), "failure reason");
        assertTrue(html.contains("2/3"), "garch scored on 2 of 3 folds");
        assertTrue(html.contains("check outcome(s) FAILED"), "leak banner");
        assertTrue(html.contains("full history 0.4313, history cut at the bar 0.3895"), "leak evidence");
        assertTrue(html.contains("badge bad\">LEAK"), "LEAK marker");
        // provenance and conventions
        assertTrue(html.contains("0123456789abcdef"), "git commit");
        assertTrue(html.contains("ef56"), "data hash");
        assertTrue(html.contains("252 periods per year"), "annualisation");
    }

    @Test
    void trainingCurvesAndGarchParameters_comeFromTaskDiagnostics() throws Exception {
        String html = render("ret", false);
        assertTrue(html.contains("ret / lstm"), "training block for the LSTM");
        assertTrue(html.contains("fold 0: 12, fold 1: 13, fold 2: 14"), "epochs per fold");
        assertTrue(html.contains("<th>alpha</th><th>beta</th><th>nu</th><th>omega</th>"), "GARCH parameter table");
        assertTrue(html.contains("0.080000") || html.contains("0.08000"), "alpha on fold 0");
        JsonNode charts = JSON.readTree(dataBlock(html)).path("charts");
        List<String> names = new ArrayList<>();
        charts.forEach(c -> c.path("series").forEach(s -> names.add(s.path("name").asText())));
        assertTrue(names.containsAll(List.of("fold 0 train", "fold 2 validation", "omega", "nu")), names.toString());
    }

    @Test
    void parameters_readTheParametersMap_andFlatGarchNamesOnlyForGarchKinds() {
        var flat = new LinkedHashMap<String, Object>();
        flat.put("omega", 1e-6);
        flat.put("alpha1", 0.1);
        flat.put("log_likelihood", 10.0);
        flat.put("train_loss", List.of(1.0));
        assertEquals(Map.of("omega", 1e-6, "alpha1", 0.1), ParameterSection.parameters("gjr-garch", flat));
        assertEquals(Map.of(), ParameterSection.parameters("ar", flat));
        assertEquals(Map.of("a", 2.0), ParameterSection.parameters("lstm-garch",
                Map.of("parameters", Map.of("a", 2.0, "bad", "x"))));
        assertTrue(TrainingSection.numbers("not a list").isEmpty());
        assertTrue(TrainingSection.numbers(List.of(1.0, Map.of())).isEmpty());
    }

    @Test
    void noTrainingOrParameters_saysSoInsteadOfDrawingEmptyCharts() throws Exception {
        ResultDirectory dir = HandWrittenRun.write(root, "ret", false);
        // Drop the LSTM and GARCH diagnostics by rewriting their tasks without them.
        for (String model : List.of("lstm", "garch")) {
            for (int f = 0; f < HandWrittenRun.FOLDS; f++) {
                Path p = dir.task("ret", model, f);
                var t = dev.foresight.result.ResultJson.read(p, dev.foresight.result.TaskResult.class);
                dev.foresight.result.ResultJson.write(p, new dev.foresight.result.TaskResult(t.schema(), t.taskId(), t.subject(),
                        t.window(), t.outcome(), t.fit(),
                        new dev.foresight.result.TaskResult.Forecasts(t.traded(), Map.of(), t.bars()), t.checks(),
                        t.inputsSha256()));
            }
        }
        HtmlReport.write(dir);
        String html = Files.readString(dir.file(HtmlReport.REPORT_HTML));
        assertTrue(html.contains("No model recorded training curves"), "training placeholder");
        assertTrue(html.contains("No model recorded fitted parameters"), "parameter placeholder");
    }

    @Test
    void everyFoldFailed_andNoManifest_stillGivesAReportThatSaysSo() throws Exception {
        ResultDirectory dir = HandWrittenRun.write(root, "ret", false);
        Files.delete(dir.manifest());
        for (String model : List.of("random-walk", "lstm", "garch", "=cmd|' /C calc'!A0")) {
            for (int f = 0; f < HandWrittenRun.FOLDS; f++) {
                Path p = dir.task("ret", model, f);
                var t = dev.foresight.result.ResultJson.read(p, dev.foresight.result.TaskResult.class);
                dev.foresight.result.ResultJson.write(p, new dev.foresight.result.TaskResult(t.schema(), t.taskId(), t.subject(),
                        t.window(), dev.foresight.result.TaskResult.Outcome.failed("fold " + f + ": out of memory"),
                        dev.foresight.result.TaskResult.Fit.none(t.fit().scaling()),
                        new dev.foresight.result.TaskResult.Forecasts(t.traded(), Map.of(), List.of()), t.checks(),
                        t.inputsSha256()));
            }
        }
        HtmlReport.write(dir);
        String html = Files.readString(dir.file(HtmlReport.REPORT_HTML));
        assertTrue(html.contains("no model produced out-of-sample forecasts"), "glance");
        assertTrue(html.contains("12 task(s) failed"), "failed banner");
        assertTrue(html.contains("fold 2: out of memory"), "reason");
        assertTrue(html.contains("0/3"), "no fold succeeded");
    }

    @Test
    void exports_areDeterministic_andRerenderingTouchesNoTaskFile() throws Exception {
        ResultDirectory dir = HandWrittenRun.write(root, "ret", false);
        Path task = dir.task("ret", "lstm", 0);
        byte[] taskBefore = Files.readAllBytes(task);
        var modified = Files.getLastModifiedTime(task);
        HtmlReport.write(dir, dev.foresight.reports.summary.Scorecard.compute(dir), Instant.parse("2030-01-01T00:00:00Z"));
        byte[] csv = Files.readAllBytes(dir.file(HtmlReport.METRICS_CSV));
        byte[] json = Files.readAllBytes(dir.file(HtmlReport.RESULTS_JSON));
        String html1 = Files.readString(dir.file(HtmlReport.REPORT_HTML));
        HtmlReport.write(dir, dev.foresight.reports.summary.Scorecard.compute(dir), Instant.parse("2030-02-02T00:00:00Z"));
        assertArrayEquals(csv, Files.readAllBytes(dir.file(HtmlReport.METRICS_CSV)), "metrics.csv");
        assertArrayEquals(json, Files.readAllBytes(dir.file(HtmlReport.RESULTS_JSON)), "results.json");
        String html2 = Files.readString(dir.file(HtmlReport.REPORT_HTML));
        assertEquals(html1.replace("2030-01-01T00:00:00Z", "T"), html2.replace("2030-02-02T00:00:00Z", "T"),
                "the pages differ only in their generation time");
        assertArrayEquals(taskBefore, Files.readAllBytes(task));
        assertEquals(modified, Files.getLastModifiedTime(task));
        String jsonText = new String(json, StandardCharsets.UTF_8);
        assertFalse(jsonText.contains("2026-01-01T00:00:00Z"), "no run timestamps in results.json");
    }

    @Test
    void metricsCsv_neutralisesFormulaCells_butKeepsNegativeNumbersNumeric() throws Exception {
        ResultDirectory dir = HandWrittenRun.write(root, "ret", false);
        HtmlReport.write(dir);
        List<String> lines = Files.readAllLines(dir.file(HtmlReport.METRICS_CSV));
        assertEquals("experiment,model,detector,regime,bars,metric,value", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ret,'=cmd|' /C calc'!A0,all,all,")), "formula model name");
        assertTrue(lines.stream().noneMatch(l -> l.contains(",=cmd")), "no raw formula cell");
        assertTrue(lines.stream().anyMatch(l -> l.matches("ret,lstm,truth,calm,\\d+,sharpe,-?[0-9.E-]+")), "regime rows");
        // Every value is a plain number (negative ones included), never neutralised like text.
        for (String l : lines.subList(1, lines.size())) {
            String value = l.substring(l.lastIndexOf(',') + 1);
            assertTrue(Double.isFinite(Double.parseDouble(value)), l);
        }
        assertEquals("'+1", MetricsCsv.text("+1"));
        assertEquals("'-x", MetricsCsv.text("-x"));
        assertEquals("'@SUM(A1)", MetricsCsv.text("@SUM(A1)"));
        assertEquals("\"'=1,2\"", MetricsCsv.text("=1,2"));
        assertEquals("'\tx", MetricsCsv.text("\tx"));
        assertEquals("plain", MetricsCsv.text("plain"));
    }

    @Test
    void longSeries_areThinnedForDrawing_keepingEndsAndDeepestDrawdowns() {
        int[] keep = Charts.keep(2500);
        assertTrue(keep.length <= Charts.MAX_POINTS + 1, "points drawn: " + keep.length);
        assertEquals(0, keep[0]);
        assertEquals(2499, keep[keep.length - 1]);
        assertEquals(756, Charts.keep(1511).length, "every 2nd of 1511 bars");
        double[] dd = new double[2500];
        dd[1001] = -0.5; // between kept bars 1000 and 1002
        assertTrue(Charts.thinMin(dd, keep).contains(-0.5), "the trough survives thinning");
        assertFalse(Charts.thin(dd, keep).contains(-0.5), "plain thinning would have lost it");
        assertEquals(List.of(0, 1, 2), Arrays.stream(Charts.keep(3)).boxed().toList());
    }
}
