package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResolvedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worst drawdowns and monthly returns, on a path small enough to work out by hand. */
class TearsheetSectionTest {

    private static ReportInput.ModelRun run(String[] dates, double[] net) {
        int n = net.length;
        double[] equity = new double[n];
        double[] drawdown = new double[n];
        double e = 1;
        double peak = 1;
        for (int i = 0; i < n; i++) {
            e *= 1 + net[i];
            peak = Math.max(peak, e);
            equity[i] = e;
            drawdown[i] = e / peak - 1;
        }
        List<BarRecord> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bars.add(new BarRecord(i, dates[i], 0, 0, null, null, 0, 0, 1, net[i], net[i], Map.of()));
        }
        BacktestResult bt = new BacktestResult(net, new double[n], net, new double[n], equity, drawdown);
        return new ReportInput.ModelRun(new ResolvedBatch.Model("m", "ar", "none", Map.of()), List.of(),
                new ModelPath("e", "m", "log-return(h=1)", 1, bars, bt), null, null);
    }

    @Test
    void worstDrawdowns_areEpisodesOfTheUnderwaterSeries_deepestFirst_withPeakTroughAndRecovery() {
        String[] d = {"2020-01-01", "2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07", "2020-01-08", "2020-01-09"};
        // equity: 1.1, 0.99, 0.792, 1.188, 1.2474, 0.99792, 0.848232 → two episodes:
        // bars 1-2: peak bar 0, trough bar 2 at 0.9 × 0.8 − 1 = −28.0%, recovered at bar 3 (2 bars under water)
        // bars 5-6: peak bar 4, trough bar 6 at 0.8 × 0.85 − 1 = −32.0%, not recovered (2 bars)
        double[] net = {0.10, -0.10, -0.20, 0.50, 0.05, -0.20, -0.15};
        List<TearsheetSection.Drawdown> w = TearsheetSection.worst(run(d, net));
        assertEquals(2, w.size());
        assertEquals(new TearsheetSection.Drawdown("1", "2020-01-07", "2020-01-09", "not recovered", "-32.0%", "2"), w.get(0));
        assertEquals(new TearsheetSection.Drawdown("2", "2020-01-01", "2020-01-03", "2020-01-06", "-28.0%", "2"), w.get(1));
        double[] first = {-0.05, 0.10};
        assertEquals("start (2020-01-01)", TearsheetSection.worst(run(new String[] {"2020-01-01", "2020-01-02"}, first)).get(0).peak());
    }

    @Test
    void monthlyReturns_compoundWithinEachMonth() {
        String[] d = {"2020-01-30", "2020-01-31", "2020-02-03", "2021-03-01"};
        double[] net = {0.10, 0.10, -0.05, 0.02};
        Map<String, Object> spec = TearsheetSection.monthly(run(d, net));
        assertEquals(List.of("2020", "2021"), spec.get("y"));
        assertEquals(List.of(List.of(0, 0, 21.0), List.of(1, 0, -5.0), List.of(2, 1, 2.0)), spec.get("cells"));
    }
}
