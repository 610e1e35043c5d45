package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.result.BarRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathRiskTest {

    private static BarRecord bar(int t, double forecast, Double variance, double assetReturn, String regime) {
        return new BarRecord(t, "2024-01-0" + (t + 1), 0, forecast, null, variance, 0, forecast, 1, assetReturn,
                assetReturn, Map.of("vol", regime));
    }

    /**
     * A log-return(h=2) path: mean forecast/2, variance/2. Bar 0: σ² = 2e-4/2 = 1e-4, mean 0.002/2,
     * so the 99% VaR is 0.023263 − 0.001 and a log return of −2.3% fails at 99% and 95%.
     */
    @Test
    void logReturnPath_readsTheOneBarMeanAndVariance_andSplitsByRegime() {
        List<BarRecord> bars = new ArrayList<>(List.of(
                bar(0, 0.002, 2e-4, Math.expm1(-0.023), "high"),
                bar(1, 0.0, 2e-4, 0.001, "low"),
                bar(2, 0.0, 2e-4, Math.expm1(-0.018), "high"),
                bar(3, 0.0, null, -0.5, "low")));
        double[] positions = {1, 1, 1, 1};
        double[] returns = bars.stream().mapToDouble(BarRecord::assetReturn).toArray();
        ModelPath path = new ModelPath("e", "m", "log-return(h=2)", 2, bars,
                Backtest.run(positions, returns, CostModel.NONE, 0));
        List<RiskRow> rows = PathRisk.of(path, List.of(), List.of("vol"));
        assertEquals(3, rows.size());
        RiskRow all = rows.get(0);
        assertEquals("", all.detector());
        assertEquals(4, all.n());
        assertEquals(3, all.varBars());
        assertEquals(2, all.failures95());
        assertEquals(1, all.failures99());
        assertEquals("normal", all.distribution());
        RiskRow high = rows.get(1);
        assertEquals("high", high.regime());
        assertEquals(2, high.failures95());
        RiskRow low = rows.get(2);
        assertEquals(1, low.varBars());
        assertEquals(0, low.failures95());
        assertEquals(0.5, low.var99(), 0.02);
    }

    @Test
    void directionPath_hasNoVarBacktest_butItsTradesHaveHistoricalVar() {
        List<BarRecord> bars = List.of(bar(0, 0.6, null, 0.01, "x"), bar(1, 0.4, 0.24, -0.01, "x"));
        ModelPath path = new ModelPath("e", "m", "direction(h=1)", 1, bars,
                Backtest.run(new double[] {1, 1}, new double[] {0.01, -0.01}, CostModel.NONE, 0));
        RiskRow row = PathRisk.of(path, List.of(), List.of()).get(0);
        assertNull(row.varBars());
        assertTrue(row.var95() > 0);
    }

    @Test
    void garchTDiagnostics_giveAStudentT() {
        Map<String, Object> diagnostics = Map.of("dist", "t", "parameters",
                List.of(Map.of("name", "omega", "estimate", 1e-6), Map.of("name", "nu", "estimate", 6.5)));
        assertEquals(new ReturnDistribution.StandardisedT(6.5), PathRisk.distribution(diagnostics));
        assertEquals(new ReturnDistribution.Normal(), PathRisk.distribution(Map.of("dist", "normal")));
        assertEquals(new ReturnDistribution.Normal(), PathRisk.distribution(null));
    }
}
