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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's tests and regime tables, from a result directory written by hand. */
class SummaryRegimesTest {

    @TempDir
    Path root;

    private void write(ResultDirectory dir, String model, long seed, boolean flat) {
        SplittableRandom r = new SplittableRandom(seed);
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < 120; t++) {
            double actual = 0.01 * (r.nextDouble() - 0.5);
            double forecast = flat ? 0 : 0.01 * (r.nextDouble() - 0.5);
            double position = Math.signum(forecast);
            String regime = t < 100 ? "calm" : "storm";
            bars.add(new BarRecord(200 + t, "2020-01-01", actual, forecast, null, null, actual, forecast, position,
                    Math.expm1(actual), position * Math.expm1(actual), Map.of("truth", regime)));
        }
        FoldWindow w = new FoldWindow(0, 0, 199, null, 199, 200, 319, "a", "b", "c", "d", 1, 0);
        TaskResult task = new TaskResult(TaskResult.SCHEMA, "e/" + model + "/fold-000",
                new TaskResult.Subject("e", model, "x", Map.of(), seed),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), 199, 0, 0),
                new TaskResult.Forecasts(true, Map.of(), bars),
                List.of(), "sha");
        ResultJson.write(dir.task("e", model, 0), task);
    }

    @Test
    void summary_testsEachModelAgainstTheBaseline_andBreaksDownByRegimeWithFlags() throws Exception {
        ResultDirectory dir = new ResultDirectory(root);
        ResolvedBatch config = new ResolvedBatch("b", "", 42, 252, 0, List.of(new ResolvedBatch.Experiment("e", Map.of(),
                Map.of("kind", "log-return"), List.of(), Map.of(), Map.of("kind", "sign"), 5, 0,
                List.of(Map.of("kind", "truth", "name", "truth")),
                List.of(new ResolvedBatch.Model("rw", "random-walk", "none", Map.of()),
                        new ResolvedBatch.Model("noise", "ar", "none", Map.of())), null, Map.of())));
        ResultJson.write(dir.config(), config);
        write(dir, "rw", 1, true);
        write(dir, "noise", 2, false);

        Summary s = Summary.of(dir);
        // No baseline recorded: the default rule picks the random walk.
        SignificanceRow rw = s.tests().get(0);
        SignificanceRow noise = s.tests().get(1);
        assertEquals("rw", noise.baseline());
        assertNull(rw.dmSquaredP());
        assertTrue(noise.dmSquaredP() > 0 && noise.dmSquaredP() < 1);
        assertEquals(120, noise.dmBars());
        assertTrue(noise.psr() >= 0 && noise.psr() <= 1);

        List<RegimeRow> cells = s.regimes().stream().filter(c -> c.model().equals("noise")).toList();
        assertEquals(List.of("calm", "storm"), cells.stream().map(RegimeRow::regime).toList());
        assertEquals(List.of(100, 20), cells.stream().map(RegimeRow::bars).toList());
        assertEquals(List.of(false, true), cells.stream().map(RegimeRow::flagged).toList());

        String table = s.table();
        assertTrue(table.contains("tests vs baseline rw"), table);
        assertTrue(table.contains("by regime: truth (n* = fewer than 30 bars"), table);
        assertTrue(table.contains(" 20*"), table);
        // the random walk never trades: its VaR is 0, not "-0.00"
        assertTrue(!table.contains("-0.00") && table.matches("(?s).*\\n  rw +0\\.00 +0\\.00 .*"), table);

        s.write(dir);
        String csv = Files.readString(dir.file(Summary.SUMMARY_REGIMES_CSV));
        assertTrue(csv.startsWith("experiment,detector,regime,model,bars,flagged,"), csv);
        assertTrue(csv.contains("e,truth,storm,noise,20,true,"), csv);
        assertTrue(Files.readString(dir.file("summary.json")).contains("\"dsrTrials\" : 1"));
    }

    @Test
    void regimeTradingFigures_areMomentsOfTheRegimesBars_withNoDrawdownOrCompoundReturn() throws Exception {
        ResultDirectory dir = new ResultDirectory(root);
        ResolvedBatch config = new ResolvedBatch("b", "", 42, 252, 0, List.of(new ResolvedBatch.Experiment("e", Map.of(),
                Map.of("kind", "log-return"), List.of(), Map.of(), Map.of("kind", "sign"), 5, 0,
                List.of(Map.of("kind", "truth", "name", "truth")),
                List.of(new ResolvedBatch.Model("rw", "random-walk", "none", Map.of()),
                        new ResolvedBatch.Model("noise", "ar", "none", Map.of())), null, Map.of())));
        ResultJson.write(dir.config(), config);
        write(dir, "rw", 1, true);
        write(dir, "noise", 2, false);
        Summary s = Summary.of(dir);

        // by hand: the full path's net returns (5 bps per unit of turnover, flat before the first bar), storm bars 100..119
        TaskResult task = ResultJson.read(dir.task("e", "noise", 0), TaskResult.class);
        double previous = 0;
        List<Double> storm = new ArrayList<>();
        int inMarket = 0;
        int wins = 0;
        for (int t = 0; t < 120; t++) {
            BarRecord b = task.bars().get(t);
            double net = b.position() * b.assetReturn() - 5e-4 * Math.abs(b.position() - previous);
            previous = b.position();
            if (t >= 100) {
                storm.add(net);
                if (b.position() != 0) {
                    inMarket++;
                    wins += net > 0 ? 1 : 0;
                }
            }
        }
        double mean = storm.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = storm.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (storm.size() - 1));
        RegimeRow cell = s.regimes().stream().filter(c -> c.model().equals("noise") && c.regime().equals("storm"))
                .findFirst().orElseThrow();
        assertEquals(mean * 252, cell.meanReturn(), 1e-13);
        assertEquals(sd * Math.sqrt(252), cell.volatility(), 1e-13);
        assertEquals(mean / sd * Math.sqrt(252), cell.sharpe(), 1e-10);
        assertEquals(inMarket, cell.barsInMarket());
        assertEquals((double) wins / inMarket, cell.hitRate(), 0);
        assertTrue(s.table().contains("Sharpe of each regime's bars (annualised: mean and sd of the daily net returns"
                + " there, × √252)"), s.table());

        s.write(dir);
        String csv = Files.readString(dir.file(Summary.SUMMARY_REGIMES_CSV));
        assertTrue(csv.startsWith("experiment,detector,regime,model,bars,flagged,mse,rmse,mae,qlike,direction_accuracy,"
                + "direction_calls,mean_return,volatility,sharpe,bars_in_market,hit_rate,turnover\n"), csv);
        String json = Files.readString(dir.file("summary.json"));
        // keys are written in alphabetical order: "regimes" comes before "rows"
        String regimes = json.substring(json.indexOf("\"regimes\""), json.indexOf("\"rows\""));
        assertTrue(!regimes.contains("rawdown") && !regimes.contains("annualReturn"), regimes);
    }
}
