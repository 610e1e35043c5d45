package dev.foresight.reports.html;

import dev.foresight.reports.summary.Scorecard;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a result directory into {@code report.html} (one self-contained file: styles, script,
 * chart library and data inlined; nothing is fetched), {@code metrics.csv} and
 * {@code results.json}, from the directory's files alone — nothing is re-forecast. The two exports
 * are byte-identical for the same result directory; the page carries its generation time.
 */
public final class HtmlReport {

    public static final String REPORT_HTML = "report.html";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String RESULTS_JSON = "results.json";
    /** Written by {@code foresight report --pdf}. */
    public static final String REPORT_PDF = "report.pdf";
    /** The inlined ECharts build (Apache-2.0), from the org.webjars.npm:echarts WebJar. */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** The files written. */
    public record Written(Path html, Path csv, Path json, long htmlBytes) {
    }

    private HtmlReport() {
    }

    /**
     * Writes the report of a finished run from its files: the figures as the run wrote them
     * ({@code summary.json}), re-scored from the task files only when that file is missing.
     */
    public static Written write(ResultDirectory dir) {
        return write(dir, Scorecard.read(dir).orElseGet(() -> Scorecard.compute(dir)), Instant.now());
    }

    /** Writes the report from the scorecard of the same directory, already computed. */
    public static Written write(ResultDirectory dir, Scorecard scorecard, Instant generatedAt) {
        ReportInput in = ReportInput.of(dir, scorecard);
        String html = render(in, generatedAt);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.file(REPORT_HTML), bytes);
        AtomicFiles.writeString(dir.file(METRICS_CSV), MetricsCsv.of(in));
        ResultJson.write(dir.file(RESULTS_JSON), ResultsJson.of(in));
        return new Written(dir.file(REPORT_HTML), dir.file(METRICS_CSV), dir.file(RESULTS_JSON), bytes.length);
    }

    /** The page's sections, in page order. */
    static List<Section> sections(Instant generatedAt) {
        return List.of(new HeaderSection(generatedAt), new GlanceSection(), new LeaderboardSection(), new ComparisonSection(),
                new RegimeSection(), new PortfolioSection(), new RiskSection(),
                new EquitySection(), new TearsheetSection(), new ForecastSection(), new RollingSection(), new TrainingSection(),
                new ParameterSection(), new FoldSection(), new LeakageSection(), new ConventionsSection(),
                new ConfigSection());
    }

    static String render(ReportInput in, Instant generatedAt) {
        return Comparisons.cached(() -> renderPage(in, generatedAt));
    }

    private static String renderPage(ReportInput in, Instant generatedAt) {
        Charts charts = new Charts();
        Map<String, Object> page = new LinkedHashMap<>();
        for (Section s : sections(generatedAt)) {
            page.put(s.slot(), s.render(in, charts));
        }
        page.put("title", in.config().name());
        page.put("hasPortfolio", !in.scorecard().portfolios().isEmpty());
        page.put("css", Templates.resource("report.css"));
        String echarts = Templates.read(ECHARTS);
        String script = Templates.resource("report.js");
        for (String js : List.of(echarts, script)) {
            // Inlined scripts must not contain what would end or re-open the script element.
            String lower = js.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException("an inlined script contains </script or <!--");
            }
        }
        // Only these two scripts may run (CSP hashes): even an injection that got past escaping could not execute.
        page.put("csp", "'" + hash(echarts) + "' '" + hash(script) + "'");
        page.put("echarts", echarts);
        page.put("script", script);
        page.put("data", ScriptJson.of(Map.of("charts", charts.specs())));
        return Templates.render("page", page);
    }

    private static String hash(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
