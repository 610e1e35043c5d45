package dev.foresight.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeasuredBacktestTest {

    /**
     * Random inputs of every kind the engine accepts: flat and moving positions up to the
     * leverage limit, exact-zero and large returns (equity that goes negative, or to zero at a
     * -100% bar), constant series, one bar. The fused path must equal Backtest.run followed by
     * PerformanceMetrics.of exactly: record equality compares doubles bit for bit (NaN == NaN).
     */
    @Test
    void runAndMetrics_equalBacktestThenPerformanceMetrics_bitForBit() {
        SplittableRandom random = new SplittableRandom(21);
        BacktestBuffers reused = BacktestBuffers.of(257);
        for (int trial = 0; trial < 3000; trial++) {
            int n = switch (trial % 5) {
                case 0 -> 1;
                case 1 -> 257;
                default -> 1 + random.nextInt(400);
            };
            double[] positions = new double[n];
            double[] returns = new double[n];
            int kind = trial % 7;
            double position = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < 0.3) {
                    double limit = kind == 3 ? 10 : 1;
                    position = Math.rint(random.nextDouble(-limit, limit) * 4) / 4;
                }
                positions[i] = kind == 4 ? 1 : position;
                returns[i] = switch (kind) {
                    case 0 -> random.nextDouble() < 0.05 ? 0 : 0.01 * random.nextGaussian();
                    case 1 -> Math.max(-1, 0.3 * random.nextGaussian());          // equity can go negative
                    case 2 -> random.nextDouble() < 0.02 ? -1 : 0.05 * random.nextGaussian();
                    case 3 -> Math.max(-1, 0.2 * random.nextGaussian());          // levered up to 10
                    case 4 -> 0.001;                                              // constant net returns
                    case 5 -> random.nextDouble() < 0.5 ? 0 : 1e-3 * random.nextGaussian();
                    default -> Math.max(-1, Math.expm1(random.nextGaussian()));
                };
            }
            CostModel costs = trial % 3 == 0 ? CostModel.NONE : new CostModel(random.nextDouble(50), random.nextDouble(5));
            double initial = kind == 4 ? 1 : Math.rint(random.nextDouble(-1, 1) * 4) / 4;
            Annualisation a = new Annualisation(1 + random.nextInt(100_000), random.nextDouble(-0.05, 0.1));

            BacktestResult expected = Backtest.run(positions, returns, costs, initial);
            PerformanceMetrics expectedMetrics = PerformanceMetrics.of(expected.netReturns(), expected.turnover(), a);

            MeasuredBacktest fresh = MeasuredBacktest.run(positions, returns, costs, initial, a);
            assertEquals(expected, fresh.result(), "series, trial " + trial);
            assertEquals(expectedMetrics, fresh.metrics(), "metrics, trial " + trial);
            assertEquals(expectedMetrics, MeasuredBacktest.metrics(positions, returns, costs, initial, a),
                    "metrics without series, trial " + trial);
            if (n == reused.size()) {
                MeasuredBacktest intoBuffers = MeasuredBacktest.run(positions, returns, costs, initial, a, reused);
                assertEquals(expected, intoBuffers.result(), "series into buffers, trial " + trial);
                assertEquals(expectedMetrics, intoBuffers.metrics(), "metrics into buffers, trial " + trial);
                assertSame(reused.net, intoBuffers.result().netReturns());
            }
        }
    }

    /**
     * The pass works in blocks of {@link MeasuredBacktest#BLOCK} bars: lengths around and across
     * block boundaries, a constant series that stops being constant in a later block, and equity
     * that overflows to infinity and then to NaN (a -100% bar on infinite equity), where the
     * deepest equity / peak must still be that of the bar-by-bar path.
     */
    @Test
    void runAndMetrics_acrossBlocks_equalBacktestThenPerformanceMetrics_bitForBit() {
        int block = MeasuredBacktest.BLOCK;
        SplittableRandom random = new SplittableRandom(2112);
        for (int trial = 0; trial < 120; trial++) {
            int n = switch (trial % 6) {
                case 0 -> block - 1;
                case 1 -> block;
                case 2 -> block + 1;
                case 3 -> 2 * block;
                default -> 1 + random.nextInt(4 * block);
            };
            int kind = trial % 5;
            double[] positions = new double[n];
            double[] returns = new double[n];
            double position = 0.5;
            for (int i = 0; i < n; i++) {
                if (kind != 3 && random.nextDouble() < 0.3) {
                    position = Math.rint(random.nextDouble(-10, 10) * 4) / 4;
                }
                positions[i] = position;
                returns[i] = switch (kind) {
                    case 0 -> 0.01 * random.nextGaussian();
                    case 1 -> Math.max(-1, 0.3 * random.nextGaussian());
                    // equity overflows to +-infinity, then a -100% bar makes it NaN
                    case 2 -> random.nextDouble() < 0.01 ? 1e200 : random.nextDouble() < 0.01 ? -1
                            : 0.05 * random.nextGaussian();
                    // constant net returns up to one bar in a later block
                    case 3 -> i == n - 1 - random.nextInt(Math.max(1, n / 2)) ? 0.002 : 0.001;
                    default -> random.nextDouble() < 0.5 ? 0 : Math.max(-1, Math.expm1(random.nextGaussian()));
                };
            }
            if (kind == 3) {
                Arrays.fill(positions, 1);
            }
            CostModel costs = trial % 3 == 0 ? CostModel.NONE : new CostModel(random.nextDouble(50), random.nextDouble(5));
            double initial = kind == 3 ? 1 : Math.rint(random.nextDouble(-1, 1) * 4) / 4;
            Annualisation a = new Annualisation(1 + random.nextInt(100_000), random.nextDouble(-0.05, 0.1));

            BacktestResult expected;
            PerformanceMetrics expectedMetrics;
            try {
                expected = Backtest.run(positions, returns, costs, initial);
                expectedMetrics = PerformanceMetrics.of(expected.netReturns(), expected.turnover(), a);
            } catch (IllegalArgumentException overflow) {
                continue;  // a net return overflowed: the refusals have their own test
            }
            MeasuredBacktest fresh = MeasuredBacktest.run(positions, returns, costs, initial, a);
            assertEquals(expected, fresh.result(), "series, trial " + trial);
            assertEquals(expectedMetrics, fresh.metrics(), "metrics, trial " + trial);
            assertEquals(expectedMetrics, MeasuredBacktest.metrics(positions, returns, costs, initial, a),
                    "metrics without series, trial " + trial);
        }
    }

    /**
     * Invalid bars anywhere, block boundaries included, one to three of them, of every kind: the
     * first in bar order is refused with the message of the bar-by-bar path, although the pass
     * tests an infinite return only through the net return it makes.
     */
    @Test
    void runAndMetrics_invalidBarsAcrossBlocks_refusedAtTheFirstWithTheSameMessage() {
        int block = MeasuredBacktest.BLOCK;
        double[] badPositions = {Double.NaN, 10.25, -11, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] badReturns = {Double.NaN, -1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE /* finite, but times a position of 10 overflows */};
        SplittableRandom random = new SplittableRandom(77);
        CostModel costs = new CostModel(2, 1);
        Annualisation a = Annualisation.DAILY;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(3 * block);
            double[] positions = new double[n];
            double[] returns = new double[n];
            for (int i = 0; i < n; i++) {
                positions[i] = Math.rint(random.nextDouble(-10, 10) * 4) / 4;
                returns[i] = 0.01 * random.nextGaussian();
            }
            int bad = 1 + random.nextInt(3);
            for (int k = 0; k < bad; k++) {
                int i = switch (random.nextInt(4)) {
                    case 0 -> Math.min(n - 1, block - 1);
                    case 1 -> Math.min(n - 1, block);
                    default -> random.nextInt(n);
                };
                if (random.nextBoolean()) {
                    positions[i] = badPositions[random.nextInt(badPositions.length)];
                } else {
                    returns[i] = badReturns[random.nextInt(badReturns.length)];
                    positions[i] = returns[i] == Double.MAX_VALUE ? 10 : positions[i];
                }
            }
            String expected = assertThrows(IllegalArgumentException.class, () -> {
                BacktestResult r = Backtest.run(positions, returns, costs, 0);
                PerformanceMetrics.of(r.netReturns(), r.turnover(), a);
            }).getMessage();
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> MeasuredBacktest.run(positions, returns, costs, 0, a)).getMessage(), "trial " + trial);
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> MeasuredBacktest.metrics(positions, returns, costs, 0, a)).getMessage(), "trial " + trial);
        }
    }

    @Test
    void run_constantNetReturns_haveNoSharpeRatioLikeTheTwoPassPath() {
        double[] positions = {1, 1, 1, 1};
        double[] returns = {0.01, 0.01, 0.01, 0.01};
        MeasuredBacktest m = MeasuredBacktest.run(positions, returns, CostModel.NONE, 1, Annualisation.DAILY);
        assertEquals(0, m.metrics().annualVolatility());
        assertEquals(Double.NaN, m.metrics().sharpe());
        assertEquals(PerformanceMetrics.of(m.result().netReturns(), m.result().turnover(), Annualisation.DAILY),
                m.metrics());
    }

    @Test
    void runAndMetrics_refuseWhatTheTwoStepPathRefuses_withTheSameMessage() {
        CostModel costs = new CostModel(1, 0);
        Annualisation a = Annualisation.DAILY;
        double[][][] bad = {
            {{0.5, Double.NaN}, {0.01, 0.01}},          // NaN position
            {{0.5, 11}, {0.01, 0.01}},                  // beyond the leverage limit
            {{0.5, 0.5}, {0.01, -1.5}},                 // return below -100%
            {{0.5, 0.5}, {0.01, Double.POSITIVE_INFINITY}},
            {{0.5}, {0.01, 0.02}},                      // mismatched lengths
            {{}, {}},
            {{10, 10}, {0.01, Double.MAX_VALUE}},       // finite inputs, infinite net return
        };
        for (double[][] c : bad) {
            String expected = assertThrows(IllegalArgumentException.class, () -> {
                BacktestResult r = Backtest.run(c[0], c[1], costs, 0);
                PerformanceMetrics.of(r.netReturns(), r.turnover(), a);
            }).getMessage();
            String fused = assertThrows(IllegalArgumentException.class,
                    () -> MeasuredBacktest.run(c[0], c[1], costs, 0, a)).getMessage();
            assertEquals(expected, fused);
            String metricsOnly = assertThrows(IllegalArgumentException.class,
                    () -> MeasuredBacktest.metrics(c[0], c[1], costs, 0, a)).getMessage();
            assertEquals(expected, metricsOnly);
        }
        assertEquals("initialPosition must be within ±10.0, got 12.0", assertThrows(IllegalArgumentException.class,
                () -> MeasuredBacktest.run(new double[] {1}, new double[] {0}, costs, 12, a)).getMessage());
        assertEquals("buffers of 3 bars for a backtest of 2", assertThrows(IllegalArgumentException.class,
                () -> MeasuredBacktest.run(new double[] {1, 1}, new double[] {0, 0}, costs, 0, a,
                        BacktestBuffers.of(3))).getMessage());
    }

    @Test
    void run_handComputedCase() {
        // rate 10 bps; bar 0: 0 -> 1, net 0.01 - 0.001 = 0.009; bar 1: 1 -> -1, net -0.02 - 0.002 = -0.022.
        MeasuredBacktest m = MeasuredBacktest.run(new double[] {1, -1}, new double[] {0.01, 0.02},
                new CostModel(10, 0), 0, new Annualisation(252, 0));
        assertArrayEquals(new double[] {0.009, -0.022}, m.result().netReturns(), 1e-15);
        assertEquals(1.009 * 0.978 - 1, m.metrics().totalReturn(), 1e-15);
        assertEquals(0.022, m.metrics().maxDrawdown(), 1e-15);
        assertEquals(1.5, m.metrics().turnover(), 0);
    }
}
