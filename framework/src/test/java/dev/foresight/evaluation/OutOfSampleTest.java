package dev.foresight.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.metrics.Annualisation;
import dev.foresight.result.BarRecord;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutOfSampleTest {

    private static BarRecord bar(int t, double position, double assetReturn) {
        return new BarRecord(t, "2020-01-" + String.format("%02d", t + 1), assetReturn, position, null, null, assetReturn,
                position, position, assetReturn, position * assetReturn, Map.of());
    }

    private static TaskResult fold(int index, BarRecord... bars) {
        FoldWindow w = new FoldWindow(index, 0, 1, null, 1, bars[0].bar(), bars[bars.length - 1].bar(), "a", "b", "c", "d", 1, 0);
        return new TaskResult(TaskResult.SCHEMA, "e/m/fold-" + index,
                new TaskResult.Subject("e", "m", "k", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), 2, 0, 0),
                new TaskResult.Forecasts(true, Map.of(), List.of(bars)),
                List.of(), "x");
    }

    @Test
    void outOfSample_costsAtAFoldBoundaryDependOnThePreviousFoldsLastPosition() {
        // Fold 0: bars 10, 11 long; fold 1: bars 12 long, 13 short. 10 bps per unit turnover.
        // turnover: 1 (enter), 0, 0 (still long across the boundary), 2 (flip) -> costs .001, 0, 0, .002
        List<TaskResult> folds = List.of(fold(1, bar(12, 1, 0.01), bar(13, -1, 0.02)),
                fold(0, bar(10, 1, 0.01), bar(11, 1, -0.02)));
        BacktestResult bt = OutOfSample.backtest(OutOfSample.join(folds), new CostModel(10, 0));
        assertArrayEquals(new double[] {1, 0, 0, 2}, bt.turnover(), 1e-15);
        assertArrayEquals(new double[] {0.01 - 0.001, -0.02, 0.01, -0.02 - 0.002}, bt.netReturns(), 1e-15);
        double e = (1 + 0.009) * (1 - 0.02) * (1 + 0.01) * (1 - 0.022);
        assertEquals(e, bt.equity()[3], 1e-12);
    }

    private static BarRecord legged(int t, double position, double overnight, double day) {
        dev.foresight.execution.Legs legs = new dev.foresight.execution.Legs(overnight, day);
        return new BarRecord(t, "2020-01-" + String.format("%02d", t + 1), 0, position, null, null, 0, position, position,
                legs.assetReturn(), Double.NaN, Map.of(), legs);
    }

    /**
     * Next-open legs across a fold boundary and a flip, 10 bps: bar 10 enters long at the open
     * (earns 1%, pays 0.001); bar 11 (fold 1) holds long: (1 + 0.02)(1 − 0.01) − 1 = 0.0098, no cost
     * — the previous fold's position carries over the boundary; bar 12 flips short at the open:
     * (1 + 0.01)(1 − 0.02) − 1 = −0.0102, cost 2 × 0.001 × 1.01 = 0.00202 on the capital at the open.
     */
    @Test
    void nextOpenLegs_carryThePreviousFoldsPositionAcrossTheBoundary() {
        List<TaskResult> folds = List.of(fold(0, legged(10, 1, 0.005, 0.01)),
                fold(1, legged(11, 1, 0.02, -0.01), legged(12, -1, 0.01, 0.02)));
        BacktestResult bt = OutOfSample.backtest(OutOfSample.join(folds), new CostModel(10, 0));
        assertArrayEquals(new double[] {1, 0, 2}, bt.turnover(), 0);
        assertArrayEquals(new double[] {0.01 - 0.001, 0.0098, -0.0102 - 0.00202}, bt.netReturns(), 1e-15);
    }

    @Test
    void aPathMixingExecutions_isRefused() {
        List<TaskResult> folds = List.of(fold(0, bar(10, 1, 0.01)), fold(1, legged(11, 1, 0.0, 0.01)));
        assertThrows(IllegalArgumentException.class,
                () -> OutOfSample.backtest(OutOfSample.join(folds), new CostModel(10, 0)));
    }

    @Test
    void outOfSample_aGapBetweenTestBlocksRestartsFlat() {
        // bars 10, 11 then 20, 21 (step > test): the second block enters again from flat.
        List<TaskResult> folds = List.of(fold(0, bar(10, 1, 0.01), bar(11, 1, 0.01)), fold(1, bar(20, 1, 0.01), bar(21, 1, 0.01)));
        BacktestResult bt = OutOfSample.backtest(OutOfSample.join(folds), new CostModel(10, 0));
        assertArrayEquals(new double[] {1, 0, 1, 0}, bt.turnover(), 1e-15);
        double level = 1;
        for (double r : new double[] {0.009, 0.01, 0.009, 0.01}) {
            level *= 1 + r;
        }
        assertEquals(level, bt.equity()[3], 1e-12);
    }

    @Test
    void outOfSample_aBarForecastTwiceIsRejected() {
        List<TaskResult> folds = List.of(fold(0, bar(10, 1, 0.01)), fold(1, bar(10, 1, 0.01)));
        assertThrows(IllegalArgumentException.class, () -> OutOfSample.join(folds));
    }

    @Test
    void failedFolds_areCountedAndLeftOutOfTheScores() {
        List<TaskResult> folds = new ArrayList<>(List.of(fold(0, bar(10, 1, 0.01), bar(11, -1, 0.02))));
        FoldWindow w = folds.get(0).fold();
        folds.add(new TaskResult(TaskResult.SCHEMA, "e/m/fold-1",
                new TaskResult.Subject("e", "m", "k", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.failed("boom"),
                TaskResult.Fit.none("none"),
                new TaskResult.Forecasts(true, Map.of(), List.of()),
                List.of(), "x"));
        ModelScore s = OutOfSample.score("e", "m", folds, CostModel.NONE, Annualisation.DAILY);
        assertEquals(2, s.folds());
        assertEquals(1, s.failedFolds());
        assertEquals(2, s.bars());
        // forecast = position, actual = asset return: errors (1 - .01), (-1 - .02)
        assertEquals((Math.pow(0.99, 2) + Math.pow(1.02, 2)) / 2, s.forecast().mse(), 1e-12);
        assertEquals(1, s.forecast().directionHits());
    }

    @Test
    void performance_ofAnUnbrokenPathEqualsBacktestThenMetricsBitForBit() {
        Random random = new Random(7);
        CostModel costs = new CostModel(5, 2);
        Annualisation a = new Annualisation(252, 0.02);
        for (int gap = 0; gap <= 1; gap++) {
            List<BarRecord> bars = new ArrayList<>();
            for (int t = 0; t < 300; t++) {
                int bar = t < 150 ? t : t + gap * 5;   // gap = 1: a hole between the two halves
                bars.add(bar(bar, Math.round(random.nextGaussian()), 0.01 * random.nextGaussian()));
            }
            BacktestResult bt = OutOfSample.backtest(bars, costs);
            assertEquals(dev.foresight.metrics.PerformanceMetrics.of(bt.netReturns(), bt.turnover(), a),
                    OutOfSample.performance(bars, costs, a), "gap " + gap);
        }
    }
}
