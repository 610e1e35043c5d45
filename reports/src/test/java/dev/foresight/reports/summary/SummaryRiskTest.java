package dev.foresight.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.result.BarRecord;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.risk.RiskRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk table from a result directory written by hand: a model forecasting a constant 1%
 * volatility on returns that are calm (0.5%) for 100 bars and stormy (±3%, every fifth bar a
 * −3% loss) for 50. Its 99% VaR (2.33%) fails only in the storm: 10 of 50 bars there, none in calm.
 */
class SummaryRiskTest {

    @TempDir
    Path root;

    @Test
    void summary_backtestsVarOverallAndPerRegime_andWritesAndReadsTheRiskFiles() throws Exception {
        ResultDirectory dir = new ResultDirectory(root);
        ResolvedBatch config = new ResolvedBatch("b", "", 42, 252, 0, List.of(new ResolvedBatch.Experiment("e", Map.of(),
                Map.of("kind", "log-return"), List.of(), Map.of(), Map.of("kind", "sign"), 5, 0,
                List.of(Map.of("kind", "truth", "name", "truth")),
                List.of(new ResolvedBatch.Model("rw", "random-walk", "none", Map.of()),
                        new ResolvedBatch.Model("garch", "garch", "none", Map.of())), null, Map.of())));
        ResultJson.write(dir.config(), config);
        write(dir, "rw", null);
        write(dir, "garch", 1e-4);

        Summary s = Summary.of(dir);
        RiskRow all = row(s, "garch", "", "");
        assertEquals(150, all.varBars());
        assertEquals(10, all.failures99());
        assertTrue(all.kupiecP99() < 1e-3, "10 failures in 150 at 1% is far too many: " + all.kupiecP99());
        assertEquals(0, row(s, "garch", "truth", "calm").failures99());
        assertEquals(10, row(s, "garch", "truth", "storm").failures99());
        // no failure in 100 calm bars: LR = −200 ln 0.99 = 2.01, p = 0.156
        assertEquals(0.156, row(s, "garch", "truth", "calm").kupiecP99(), 0.001);
        RiskRow rw = row(s, "rw", "", "");
        assertNull(rw.varBars(), "a random walk forecasts no variance");
        assertTrue(rw.var99() != null, "but it trades, so its returns have a historical VaR");

        String table = s.table();
        assertTrue(table.contains("risk: historical VaR / ES"), table);
        assertTrue(table.contains("10/150"), table);

        s.write(dir);
        String csv = Files.readString(dir.file(Summary.RISK_CSV));
        assertTrue(csv.startsWith("experiment,model,detector,regime,bars,var95,es95,var99,es99,"), csv);
        assertEquals(1 + 2 * 3, csv.lines().count(), csv);
        assertEquals(s.risk(), Summary.read(dir).risk());
    }

    private static RiskRow row(Summary s, String model, String detector, String regime) {
        return s.risk().stream().filter(r -> r.model().equals(model) && r.detector().equals(detector)
                && r.regime().equals(regime)).findFirst().orElseThrow();
    }

    private static void write(ResultDirectory dir, String model, Double variance) {
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < 150; t++) {
            boolean storm = t >= 100;
            double actual = storm ? (t % 5 == 0 ? -0.03 : 0.03) : (t % 2 == 0 ? 0.005 : -0.005);
            bars.add(new BarRecord(200 + t, "2020-01-01", actual, 0.0, null, variance, actual, 0.0, 1,
                    Math.expm1(actual), Math.expm1(actual), Map.of("truth", storm ? "storm" : "calm")));
        }
        FoldWindow w = new FoldWindow(0, 0, 199, null, 199, 200, 349, "a", "b", "c", "d", 1, 0);
        TaskResult task = new TaskResult(TaskResult.SCHEMA, "e/" + model + "/fold-000",
                new TaskResult.Subject("e", model, "x", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), 199, 0, 0),
                new TaskResult.Forecasts(true, Map.of(), bars),
                List.of(), "sha");
        ResultJson.write(dir.task("e", model, 0), task);
    }
}
