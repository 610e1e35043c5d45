package dev.foresight.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four bars by hand under both executions, 10 bps per unit of turnover. Closes 100, 102, 99, 100,
 * 103; opens of bars 1..4: 101, 100, 98, 101. Positions decided at the closes of bars 0..3: long 1,
 * flip to short 1, hold the short, long ½.
 */
class ExecutedBacktestTest {

    private static final double[] POSITIONS = {1, -1, -1, 0.5};
    private static final CostModel TEN_BPS = new CostModel(10, 0);

    private static PriceSeries series() {
        LocalDate[] dates = new LocalDate[5];
        for (int i = 0; i < 5; i++) {
            dates[i] = LocalDate.of(2024, 1, 2 + i);
        }
        return PriceSeries.of("X", dates, Map.of(Column.CLOSE, new double[] {100, 102, 99, 100, 103},
                Column.OPEN, new double[] {100, 101, 100, 98, 101}), null);
    }

    private static Legs[] legs(Execution execution) {
        Legs[] out = new Legs[4];
        for (int t = 0; t < 4; t++) {
            out[t] = execution.legs(series(), t);
        }
        return out;
    }

    /**
     * Close to close: r = 2%, −2.941176%, +1.010101%, +3%. Net: 0.02 − 0.001; 0.0294118 − 0.002
     * (the flip is turnover 2); −0.0101010; 0.015 − 0.0015.
     */
    @Test
    void atTheClose_handComputed_andExactlyTheSingleLegEngine() {
        BacktestResult r = ExecutedBacktest.run(POSITIONS, legs(Execution.CLOSE), TEN_BPS, 0);
        assertArrayEquals(new double[] {0.019, 0.0274117647058824, -0.0101010101010101, 0.0135}, r.netReturns(), 1e-15);
        assertArrayEquals(new double[] {1, 2, 0, 1.5}, r.turnover(), 0);
        assertArrayEquals(new double[] {0.001, 0.002, 0, 0.0015}, r.costs(), 1e-18);
        double[] closeToClose = {102.0 / 100 - 1, 99.0 / 102 - 1, 100.0 / 99 - 1, 103.0 / 100 - 1};
        assertEquals(Backtest.run(POSITIONS, closeToClose, TEN_BPS, 0), r); // bit for bit
    }

    /**
     * Legs (overnight b, open to close a): bar 0 (1%, 0.990099%), bar 1 (−1.960784%, −1%), bar 2
     * (−1.010101%, 2.040816%), bar 3 (1%, 1.980198%).
     * <ul>
     *   <li>bar 0, flat → long 1 at the open: gross = a = 0.00990099, cost = 1 × 0.001 × 1, net 0.00890099;
     *   <li>bar 1, long overnight then flipped short: gross = 0.980392 × 1.01 − 1 = −0.00980392, cost
     *       = 2 × 0.001 × 0.980392 (the capital at the open) = 0.00196078, net −0.01176471;
     *   <li>bar 2, short held (rebalanced to −1 at the open): gross = 1.010101 × 0.979592 − 1 =
     *       −0.01051330, no cost;
     *   <li>bar 3, short overnight then long ½: gross = 0.99 × 1.009901 − 1 = −0.00019802, cost =
     *       1.5 × 0.001 × 0.99 = 0.001485, net −0.00168302.
     * </ul>
     * Equity 1.008901, 0.997032, 0.986549, 0.984889.
     */
    @Test
    void atTheNextOpen_handComputed_withAFlipAndCosts() {
        BacktestResult r = ExecutedBacktest.run(POSITIONS, legs(Execution.NEXT_OPEN), TEN_BPS, 0);
        assertArrayEquals(new double[] {0.00990099009901, -0.00980392156863, -0.01051329622758, -0.00019801980198},
                r.grossReturns(), 1e-13);
        assertArrayEquals(new double[] {0.001, 0.00196078431373, 0, 0.001485}, r.costs(), 1e-13);
        assertArrayEquals(new double[] {0.00890099009901, -0.01176470588235, -0.01051329622758, -0.00168301980198},
                r.netReturns(), 1e-13);
        assertArrayEquals(new double[] {1, 2, 0, 1.5}, r.turnover(), 0);
        assertArrayEquals(new double[] {1.00890099009901, 0.99703156668608, 0.98654947847726, 0.98488909616935},
                r.equity(), 1e-13);
        assertEquals(0.98488909616935 / 1.00890099009901 - 1, r.drawdown()[3], 1e-13);
    }

    /** Held long 1 throughout, the two legs compound to close to close: the same as at the close. */
    @Test
    void aLongHeldThroughout_earnsTheSameUnderBothExecutions() {
        double[] held = {1, 1, 1, 1};
        BacktestResult open = ExecutedBacktest.run(held, legs(Execution.NEXT_OPEN), TEN_BPS, 1);
        BacktestResult close = ExecutedBacktest.run(held, legs(Execution.CLOSE), TEN_BPS, 1);
        assertArrayEquals(close.netReturns(), open.netReturns(), 1e-15);
    }

    @Test
    void mismatchedOrOutOfRangeInputs_areRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ExecutedBacktest.run(POSITIONS, new Legs[3], TEN_BPS, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ExecutedBacktest.run(new double[] {1, 1, 1, 11}, legs(Execution.CLOSE), TEN_BPS, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ExecutedBacktest.run(new double[0], new Legs[0], TEN_BPS, 0));
    }
}
