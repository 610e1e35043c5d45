package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResolvedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard's DSR is the summary's (deflated by the configurations searched within the
 * experiment, computed once: see {@code SummaryDsrTest} for the figure against the formulas), shown
 * with N beside it — the same figure the verdict, results.json and metrics.csv give.
 */
class LeaderboardSectionTest {

    private static ReportInput.ModelRun run(String name, SignificanceRow tests) {
        int n = 3;
        double[] net = {0.01, -0.005, 0.002};
        List<BarRecord> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bars.add(new BarRecord(i, "2020-01-01", 0, 0, null, null, 0, 0, 1, net[i], net[i], Map.of()));
        }
        BacktestResult bt = new BacktestResult(net, new double[n], net, new double[n], new double[] {1.01, 1.005, 1.007},
                new double[n]);
        return new ReportInput.ModelRun(new ResolvedBatch.Model(name, "ar", "none", Map.of()), List.of(),
                new ModelPath("e", name, "log-return(h=1)", 1, bars, bt), null, tests);
    }

    private static SignificanceRow tests(String model, Double dsr, Integer n) {
        return new SignificanceRow("e", model, "rw", null, null, null, null, null, null, null, null, 0.9, dsr, n,
                null, null, null, null, null, null);
    }

    @Test
    void dsrCell_showsTheSummarysFigure_withNBesideIt() {
        ReportInput.ModelRun grid = run("ar.p-1", tests("ar.p-1", 0.8123, 3));
        LeaderboardSection.Cell cell = LeaderboardSection.dsrCell(null, grid);
        assertEquals("0.812", cell.text());
        assertEquals("N = 3", cell.sub());
        assertTrue(cell.title().contains("N = 3 configurations searched in this experiment"), cell.title());

        LeaderboardSection.Cell single = LeaderboardSection.dsrCell(null, run("lone", tests("lone", 0.97, 1)));
        assertEquals("N = 1", single.sub());
        assertTrue(single.title().contains("N = 1 configuration searched"), single.title());

        LeaderboardSection.Cell none = LeaderboardSection.dsrCell(null, run("rw", tests("rw", null, null)));
        assertEquals(Fmt.NONE, none.text());
    }
}
