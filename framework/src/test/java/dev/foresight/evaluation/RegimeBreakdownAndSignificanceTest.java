package dev.foresight.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.DieboldMariano;
import dev.foresight.statistics.ProbabilisticSharpe;
import dev.foresight.statistics.ReturnMoments;
import dev.foresight.statistics.StationaryBootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegimeBreakdownAndSignificanceTest {

    private static final CostModel COSTS = new CostModel(10, 0);

    /**
     * 40 bars: bars 0..34 calm, 35..38 storm, bar 39 unlabelled; positions long in calm, short in
     * the storm, so the flip at bar 35 costs 2 × 10 bps on the full path.
     */
    private static ModelPath path(String model, double positionScale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<BarRecord> bars = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            double actual = 0.01 * (r.nextDouble() - 0.5);
            double forecast = positionScale == 0 ? 0 : 0.01 * (r.nextDouble() - 0.5);
            double position = positionScale * (t < 35 ? 1 : -1);
            double asset = Math.expm1(actual);
            Map<String, String> regime = t < 35 ? Map.of("d", "calm") : t < 39 ? Map.of("d", "storm") : Map.of();
            bars.add(new BarRecord(100 + t, "2020-01-01", actual, forecast, null, null, actual, forecast, position, asset,
                    position * asset, regime));
        }
        return new ModelPath("e", model, "log-return(h=1)", 1, bars, OutOfSample.backtest(bars, COSTS));
    }

    @Test
    void regimeCells_useTheFullPathsNetReturns_andFlagSmallCells() {
        ModelPath p = path("m", 1, 1);
        List<RegimeBreakdown.Cell> cells = RegimeBreakdown.of(p, List.of("d"), Annualisation.DAILY);
        assertEquals(List.of("calm", "storm", RegimeBreakdown.UNLABELLED), cells.stream().map(RegimeBreakdown.Cell::regime).toList());
        assertEquals(List.of(35, 4, 1), cells.stream().map(RegimeBreakdown.Cell::n).toList());
        assertEquals(List.of(false, true, true), cells.stream().map(RegimeBreakdown.Cell::flagged).toList());

        BacktestResult full = p.backtest();
        double[] stormNet = Arrays.copyOfRange(full.netReturns(), 35, 39);
        double[] stormTurnover = Arrays.copyOfRange(full.turnover(), 35, 39);
        assertEquals(2.0, stormTurnover[0], 0);   // the flip is charged inside the storm, as traded
        // regime-conditional: the storm's four net returns as a sample, computed here by hand
        double mean = Arrays.stream(stormNet).sum() / 4;
        double ss = 0;
        int wins = 0;
        for (double r : stormNet) {
            ss += (r - mean) * (r - mean);
            wins += r > 0 ? 1 : 0;
        }
        double sd = Math.sqrt(ss / 3);
        RegimeTrading storm = cells.get(1).trading();
        assertEquals(4, storm.n());
        assertEquals(mean * 252, storm.meanReturn(), 1e-15);
        assertEquals(sd * Math.sqrt(252), storm.volatility(), 1e-14);
        assertEquals(mean / sd * Math.sqrt(252), storm.sharpe(), 1e-12);
        assertEquals(4, storm.barsInMarket());
        assertEquals(wins / 4.0, storm.hitRate(), 0);
        assertEquals((2.0 + 0 + 0 + 0) / 4, storm.turnover(), 0);
        double mse = 0;
        for (int t = 35; t < 39; t++) {
            double e = p.bars().get(t).forecast() - p.bars().get(t).actual();
            mse += e * e / 4;
        }
        assertEquals(mse, cells.get(1).forecast().mse(), 1e-18);
        assertNull(cells.get(0).volatility());
    }

    @Test
    void regimeTrading_isTheSampleOfTheRegimesBars_notASplicedPath() {
        // net returns +1%, -2%, +3%, 0 (flat), a regime of bars from different dates
        double[] net = {0.01, -0.02, 0.03, 0};
        double[] positions = {1, 1, -1, 0};
        double[] turnover = {1, 0, 2, 1};
        RegimeTrading t = RegimeTrading.of(net, positions, turnover, new Annualisation(252, 0.0252));
        // mean 0.005; deviations .005 -.025 .025 -.005: ss = 0.0013, sd = sqrt(0.0013 / 3)
        assertEquals(0.005 * 252, t.meanReturn(), 1e-15);
        assertEquals(Math.sqrt(0.0013 / 3) * Math.sqrt(252), t.volatility(), 1e-14);
        // rf per bar 0.0001: Sharpe = (0.005 - 0.0001) / sd × √252
        assertEquals((0.005 - 0.0001) / Math.sqrt(0.0013 / 3) * Math.sqrt(252), t.sharpe(), 1e-12);
        assertEquals(3, t.barsInMarket());
        assertEquals(2.0 / 3, t.hitRate(), 0);
        assertEquals(1.0, t.turnover(), 0);
        // no drawdown or CAGR: the record has none to misread
        assertEquals(List.of("n", "meanReturn", "volatility", "sharpe", "barsInMarket", "hitRate", "turnover"),
                Arrays.stream(RegimeTrading.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertTrue(Double.isNaN(RegimeTrading.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0},
                Annualisation.DAILY).hitRate()), "no bar in the market: no hit rate");
    }

    @Test
    void significance_matchesTheStatisticsOnTheCommonPath() {
        ModelPath model = path("m", 1, 1);
        ModelPath baseline = path("rw", 0, 2);
        StationaryBootstrap boot = new StationaryBootstrap(5, 200, 7);
        Significance s = Significance.of(model, baseline, Annualisation.DAILY, new Significance.Trials(1, 0), boot);

        double[] em = model.bars().stream().mapToDouble(b -> b.forecast() - b.actual()).toArray();
        double[] eb = baseline.bars().stream().mapToDouble(b -> b.forecast() - b.actual()).toArray();
        assertEquals(DieboldMariano.test(em, eb, 1, DieboldMariano.Loss.SQUARED), s.dmSquared());
        assertEquals(DieboldMariano.test(em, eb, 1, DieboldMariano.Loss.ABSOLUTE), s.dmAbsolute());
        ReturnMoments m = ReturnMoments.of(model.backtest().netReturns(), 0);
        assertEquals(ProbabilisticSharpe.of(m, 0), s.psr(), 0);
        assertEquals(s.psr(), s.dsr(), 0);   // one trial: nothing to deflate
        assertNotNull(s.pesaranTimmermann());
        // The baseline never trades: its Sharpe counts as 0, so the difference interval is the
        // model's own Sharpe interval (same seed, same resamples).
        assertEquals(s.sharpe().lower(), s.sharpeDifference().lower(), 1e-12);
        assertEquals(s.sharpe().upper(), s.sharpeDifference().upper(), 1e-12);

        Significance self = Significance.of(baseline, baseline, Annualisation.DAILY, new Significance.Trials(1, 0), boot);
        assertNull(self.dmSquared());
        assertNull(self.sharpeDifference());
        assertNull(self.pesaranTimmermann());   // a zero forecast makes no direction call
    }

    @Test
    void trials_countFiniteSharpesAndTakeTheirSampleVariance() {
        Significance.Trials t = Significance.Trials.of(List.of(0.1, 0.2, Double.NaN, 0.3));
        assertEquals(3, t.count());
        assertEquals(0.01, t.sharpeVariance(), 1e-15);
        assertEquals(new Significance.Trials(1, 0), Significance.Trials.of(List.of()));
        assertTrue(Double.isNaN(Significance.perPeriodSharpe(path("rw", 0, 2), Annualisation.DAILY)));
    }
}
