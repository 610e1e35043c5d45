package dev.foresight.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final double EPS = 1e-12;

    @Test
    void run_flipFromLongToShort_isTwoUnitsOfTurnoverAndChargedTwice() {
        // rate = 10 bps = 0.001 per unit of turnover, start flat.
        // bar 0: 0 -> +1, turnover 1, cost 0.001, gross +1 * 0.01 = 0.01, net 0.009, equity 1.009
        // bar 1: +1 -> -1, turnover 2, cost 0.002, gross -1 * 0.02 = -0.02, net -0.022,
        //        equity 1.009 * 0.978 = 0.986802, drawdown from peak 1.009: 0.978 - 1 = -0.022
        BacktestResult r = Backtest.run(new double[] {1, -1}, new double[] {0.01, 0.02}, new CostModel(10, 0), 0);

        assertArrayEquals(new double[] {1, 2}, r.turnover(), EPS);
        assertArrayEquals(new double[] {0.001, 0.002}, r.costs(), EPS);
        assertArrayEquals(new double[] {0.01, -0.02}, r.grossReturns(), EPS);
        assertArrayEquals(new double[] {0.009, -0.022}, r.netReturns(), EPS);
        assertArrayEquals(new double[] {1.009, 0.986802}, r.equity(), EPS);
        assertArrayEquals(new double[] {0, -0.022}, r.drawdown(), EPS);
    }

    @Test
    void run_firstBarTurnoverIsMeasuredFromInitialPosition() {
        double[] positions = {1, 1};
        double[] returns = {0.01, 0.01};
        CostModel costs = new CostModel(10, 0);

        // Already long: no trade on bar 0, no cost.
        BacktestResult alreadyLong = Backtest.run(positions, returns, costs, 1);
        assertArrayEquals(new double[] {0, 0}, alreadyLong.turnover(), EPS);
        assertArrayEquals(new double[] {0, 0}, alreadyLong.costs(), EPS);

        // Short before bar 0: -1 -> +1 is 2 units, cost 0.002, net 0.01 - 0.002 = 0.008.
        BacktestResult fromShort = Backtest.run(positions, returns, costs, -1);
        assertArrayEquals(new double[] {2, 0}, fromShort.turnover(), EPS);
        assertArrayEquals(new double[] {0.008, 0.01}, fromShort.netReturns(), EPS);

        // Half long before bar 0: 0.5 units, cost 0.0005.
        BacktestResult fromHalf = Backtest.run(positions, returns, costs, 0.5);
        assertArrayEquals(new double[] {0.5, 0}, fromHalf.turnover(), EPS);
        assertArrayEquals(new double[] {0.0005, 0}, fromHalf.costs(), EPS);
    }

    @Test
    void run_fractionalAndShortPositions_costOnEveryChangeWithSlippage() {
        // rate = (20 + 5) bps = 0.0025. positions 0 -> 0.5 -> 0 -> -0.5: turnover 0.5 each bar,
        // cost 0.5 * 0.0025 = 0.00125 each bar.
        // gross: 0.5*0.02 = 0.01, 0*0.03 = 0, -0.5*-0.04 = 0.02
        // net:   0.00875, -0.00125, 0.01875
        BacktestResult r = Backtest.run(new double[] {0.5, 0, -0.5}, new double[] {0.02, 0.03, -0.04},
                new CostModel(20, 5), 0);

        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, r.turnover(), EPS);
        assertArrayEquals(new double[] {0.00125, 0.00125, 0.00125}, r.costs(), EPS);
        assertArrayEquals(new double[] {0.00875, -0.00125, 0.01875}, r.netReturns(), EPS);
        // equity: 1.00875; 1.00875 * 0.99875 = 1.0074890625; * 1.01875 = 1.0074890625 + 0.018890419921875 = 1.026379482421875
        assertArrayEquals(new double[] {1.00875, 1.0074890625, 1.026379482421875}, r.equity(), EPS);
    }

    @Test
    void run_equityCompoundsAndDrawdownCountsStartingEquityAsPeak() {
        // Always long, no costs, so net = asset returns.
        // equity:   0.9, 0.9*1.05 = 0.945, 0.945*1.2 = 1.134, 1.134*0.75 = 0.8505, 0.8505*1.1 = 0.93555
        // peak:     max(1, ...) = 1, 1, 1.134, 1.134, 1.134
        // drawdown: -0.1, -0.055, 0, 0.8505/1.134 - 1 = -0.25, 0.93555/1.134 - 1 = -0.175
        // (a running peak that ignored the start would give 0 on bar 0, not -0.1)
        BacktestResult r = Backtest.run(new double[] {1, 1, 1, 1, 1}, new double[] {-0.1, 0.05, 0.2, -0.25, 0.1},
                CostModel.NONE, 1);

        assertArrayEquals(new double[] {0.9, 0.945, 1.134, 0.8505, 0.93555}, r.equity(), EPS);
        assertArrayEquals(new double[] {-0.1, -0.055, 0, -0.25, -0.175}, r.drawdown(), EPS);
    }

    @Test
    void run_flatPosition_earnsNothingWhateverTheAssetDoes() {
        BacktestResult r = Backtest.run(new double[] {0, 0}, new double[] {0.5, -0.5}, new CostModel(10, 0), 0);
        assertArrayEquals(new double[] {0, 0}, r.netReturns(), 0);
        assertArrayEquals(new double[] {1, 1}, r.equity(), 0);
        assertArrayEquals(new double[] {0, 0}, r.drawdown(), 0);
    }

    @Test
    void run_rejectsNaNOutOfRangeEmptyAndMismatchedInputs() {
        double[] ok = {0.01, 0.02};
        assertMessage("positions[1]", () -> Backtest.run(new double[] {1, Double.NaN}, ok, CostModel.NONE, 0));
        assertMessage("positions[0]", () -> Backtest.run(new double[] {10.5, 0}, ok, CostModel.NONE, 0));
        assertMessage("assetReturns[0]", () -> Backtest.run(new double[] {1, 1}, new double[] {Double.NaN, 0}, CostModel.NONE, 0));
        assertMessage("assetReturns[1]", () -> Backtest.run(new double[] {1, 1}, new double[] {0, -1.5}, CostModel.NONE, 0));
        assertMessage("assetReturns[1]", () -> Backtest.run(new double[] {1, 1},
                new double[] {0, Double.POSITIVE_INFINITY}, CostModel.NONE, 0));
        assertMessage("same length", () -> Backtest.run(new double[] {1}, ok, CostModel.NONE, 0));
        assertMessage("at least one bar", () -> Backtest.run(new double[0], new double[0], CostModel.NONE, 0));
        assertMessage("initialPosition", () -> Backtest.run(new double[] {1, 1}, ok, CostModel.NONE, Double.NaN));
        assertMessage("initialPosition", () -> Backtest.run(new double[] {1, 1}, ok, CostModel.NONE, -11));
    }

    @Test
    void result_equalityComparesSeriesContents() {
        BacktestResult a = Backtest.run(new double[] {1, -1}, new double[] {0.01, 0.02}, new CostModel(10, 0), 0);
        BacktestResult b = Backtest.run(new double[] {1, -1}, new double[] {0.01, 0.02}, new CostModel(10, 0), 0);
        BacktestResult c = Backtest.run(new double[] {1, -1}, new double[] {0.01, 0.03}, new CostModel(10, 0), 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertEquals(2, a.size());
    }

    @Test
    void result_rejectsSeriesOfDifferentLengths() {
        double[] two = new double[2];
        assertThrows(IllegalArgumentException.class,
                () -> new BacktestResult(two, two, two, two, two, new double[1]));
    }

    private static void assertMessage(String expectedFragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedFragment),
                () -> "message should mention '" + expectedFragment + "': " + e.getMessage());
    }
}
