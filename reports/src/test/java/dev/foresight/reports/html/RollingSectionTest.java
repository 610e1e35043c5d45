package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.reports.summary.Scorecard;
import dev.foresight.result.ResultDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolling metrics as small multiples: one chart per model and metric, a shared y range per metric, no controls. */
class RollingSectionTest {

    @Test
    void rollingMetrics_areOneSmallChartPerModel_onASharedYRange(@TempDir Path root) {
        ResultDirectory dir = HandWrittenRun.write(root, "exp", false);
        ReportInput in = ReportInput.of(dir, Scorecard.compute(dir));
        Charts charts = new Charts();
        String html = new RollingSection().render(in, charts);

        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-chart=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<Map<?, ?>> sharpe = new ArrayList<>();
        List<Map<?, ?>> hit = new ArrayList<>();
        for (String id : ids) {
            Map<?, ?> spec = (Map<?, ?>) charts.specs().get(id);
            assertEquals(1, ((List<?>) spec.get("series")).size(), "one model per small chart: " + spec.get("title"));
            assertEquals(Boolean.TRUE, spec.get("small"));
            String yName = (String) spec.get("yName");
            (yName.startsWith("Sharpe") ? sharpe : hit).add(spec);
        }
        long models = in.experiments().get(0).models().stream().filter(r -> r.path().bars().size() > RollingSection.WINDOW).count();
        assertTrue(models >= 3, "the hand-written run has several models");
        assertEquals(models, sharpe.size() + 0L, "a Sharpe chart per traded model");
        assertFalse(hit.isEmpty());
        for (List<Map<?, ?>> row : List.of(sharpe, hit)) {
            double lo = ((Number) row.get(0).get("yMin")).doubleValue();
            double hi = ((Number) row.get(0).get("yMax")).doubleValue();
            for (Map<?, ?> spec : row) {
                assertEquals(lo, ((Number) spec.get("yMin")).doubleValue(), "shared y range");
                assertEquals(hi, ((Number) spec.get("yMax")).doubleValue(), "shared y range");
                for (Object v : (List<?>) ((Map<?, ?>) ((List<?>) spec.get("series")).get(0)).get("values")) {
                    if (v instanceof Number d && Double.isFinite(d.doubleValue())) {
                        assertTrue(d.doubleValue() >= lo && d.doubleValue() <= hi, spec.get("title") + ": " + d + " outside the shared range");
                    }
                }
            }
        }
        assertTrue(html.contains("annualised"), "the Sharpe axis says annualised");
        assertFalse(html.contains("<select") || html.contains("<button"), "no controls in the multiples");
    }
}
