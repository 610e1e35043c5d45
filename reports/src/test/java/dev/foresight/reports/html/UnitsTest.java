package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.metrics.Annualisation;
import dev.foresight.reports.summary.Scorecard;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every axis says its unit, and whether it is per bar (per day) or annualised. */
class UnitsTest {

    private static ReportInput.Experiment experiment(Map<String, Object> target) {
        return new ReportInput.Experiment(new ResolvedBatch.Experiment("e", Map.of(), target, List.of(), Map.of(), null, 0, 0,
                List.of(), List.of(new ResolvedBatch.Model("m", "ar", "none", Map.of())), "m", Map.of()), List.of());
    }

    @Test
    void targetUnits_sayPerDayOrPerBar_andNotAnnualised() {
        Annualisation daily = new Annualisation(252, 0);
        Annualisation monthly = new Annualisation(12, 0);
        ReportInput.Experiment vol = experiment(Map.of("kind", "realised-vol", "horizon", 5));
        assertEquals("per-day σ of log returns (not annualised)", Units.target(vol, daily));
        assertEquals("per-bar σ of log returns (not annualised)", Units.target(vol, monthly));
        assertEquals("per-day σ", Units.shortTarget(vol, daily));
        ReportInput.Experiment ret = experiment(Map.of("kind", "log-return", "horizon", 5));
        assertEquals("log return over 5 days (not annualised)", Units.target(ret, daily));
        assertEquals("MSE, (log return)², mean per day", Units.loss(ret, daily));
        assertEquals("price (series' currency)", Units.target(experiment(Map.of("kind", "next-close", "horizon", 1)), daily));
    }

    /** Every chart of a whole report names its value axis with a unit or a scale word. */
    @Test
    void everyChartOfTheReport_namesItsAxisWithAUnit(@TempDir Path root) {
        ResultDirectory dir = HandWrittenRun.write(root, "exp", false);
        ReportInput in = ReportInput.of(dir, Scorecard.compute(dir));
        Charts charts = new Charts();
        for (Section s : HtmlReport.sections(Instant.parse("2030-01-01T00:00:00Z"))) {
            s.render(in, charts);
        }
        Pattern unit = Pattern.compile("annualised|per day|per-day|per bar|per-bar|per sample|%|\\(ratio|growth of 1|log return|P\\(up\\)|"
                + "price|unitless|0–1");
        assertFalse(charts.specs().isEmpty());
        for (var entry : charts.specs().entrySet()) {
            Map<?, ?> spec = (Map<?, ?>) entry.getValue();
            String axis = spec.containsKey("yName") ? String.valueOf(spec.get("yName")) : String.valueOf(spec.get("name"));
            assertTrue(unit.matcher(axis).find(), entry.getKey() + ": axis '" + axis + "' has no unit");
            if (spec.containsKey("xName")) {
                String x = String.valueOf(spec.get("xName"));
                assertTrue(unit.matcher(x).find() || x.equals("epoch"), entry.getKey() + ": x axis '" + x + "' has no unit");
            }
        }
    }
}
