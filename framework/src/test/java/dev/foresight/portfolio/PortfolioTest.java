package dev.foresight.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.backtest.CostModel;
import dev.foresight.execution.Legs;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** A hand-built two-asset portfolio under each weighting. */
class PortfolioTest {

    private static final List<String> AB = List.of("A", "B");
    private static final double[][] POSITIONS = {{1, 1, -1}, {1, 0, 1}};
    private static final double[][] RETURNS = {{0.01, -0.02, 0.03}, {0.02, 0.01, -0.01}};
    /** σ_A = 2%, σ_B = 1% per bar. */
    private static final double[][] VARIANCES = {{4e-4, 4e-4, 4e-4}, {1e-4, 1e-4, 1e-4}};
    private static final List<CostModel> COSTS = List.of(new CostModel(10, 0), new CostModel(15, 5));
    private static final Portfolio.Settings SETTINGS = new Portfolio.Settings(0.10, 252, 2, 63);

    /**
     * Equal weight: exposures A ½, ½, −½ and B ½, 0, ½; turnover A ½, 0, 1 at 10 bps, B ½, ½, ½ at
     * 20 bps. Contributions A: 0.005 − 0.0005, −0.01, −0.015 − 0.001; B: 0.01 − 0.001, −0.001,
     * −0.005 − 0.001.
     */
    @Test
    void equalWeight_handComputed() {
        Portfolio p = Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, RETURNS, new double[0][], COSTS, SETTINGS);
        assertArrayEquals(new double[] {0.5, 0.5, -0.5}, p.exposures()[0], 0);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, p.exposures()[1], 0);
        assertArrayEquals(new double[] {0.0045, -0.01, -0.016}, p.contributions()[0], 1e-15);
        assertArrayEquals(new double[] {0.009, -0.001, -0.006}, p.contributions()[1], 1e-15);
        assertArrayEquals(new double[] {0.0135, -0.011, -0.022}, p.netReturns(), 1e-15);
        assertArrayEquals(new double[] {0.015, -0.01, -0.02}, p.grossReturns(), 1e-15);
        assertArrayEquals(new double[] {0.0015, 0.001, 0.002}, p.costs(), 1e-15);
        assertArrayEquals(new double[] {1, 0.5, 1.5}, p.turnover(), 1e-15);
    }

    /**
     * A gap between bars 1 and 5 (a failed fold, a plan with step > test): the book is flat over it,
     * so at bar 5 A trades from 0 to −½ (turnover ½, not 1) and pays 0.0005, not 0.001; B already
     * came from 0. Without a gap the same columns give the unbroken figures above.
     */
    @Test
    void aGapInTheBars_restartsTheBookFlat() {
        Portfolio p = Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, RETURNS, null, new double[0][], COSTS, SETTINGS,
                new int[] {0, 1, 5});
        assertArrayEquals(new double[] {0.0045, -0.01, -0.0155}, p.contributions()[0], 1e-15);
        assertArrayEquals(new double[] {0.009, -0.001, -0.006}, p.contributions()[1], 1e-15);
        assertArrayEquals(new double[] {1, 0.5, 1}, p.turnover(), 1e-15);
        Portfolio unbroken = Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, RETURNS, null, new double[0][], COSTS,
                SETTINGS, new int[] {0, 1, 2});
        assertArrayEquals(Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, RETURNS, new double[0][], COSTS, SETTINGS)
                .netReturns(), unbroken.netReturns(), 0);
        assertThrows(IllegalArgumentException.class, () -> Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, RETURNS,
                null, new double[0][], COSTS, SETTINGS, new int[] {0, 2, 2}));
    }

    /**
     * Execution at the next open, equal weight (exposures A ½, ½, −½; B ½, 0, ½), legs (before,
     * after) A (0.01, 0.02), (−0.01, 0.005), (0.02, −0.01) and B (0, 0.01), (0.02, −0.02),
     * (−0.005, 0.01); rates A 0.001, B 0.002. Per bar, Q = Σ q·b, G = 1 + Q:
     * bar 0: Q = 0; A 0.5·0.02 − 0.5·0.001 = 0.0095, B 0.5·0.01 − 0.5·0.002 = 0.004.
     * bar 1: Q = 0.5·(−0.01) + 0.5·0.02 = 0.005, G = 1.005; A −0.005 + 1.005·0.5·0.005 = −0.0024875,
     *        B 0.01 − 0.5·0.002·1.005 = 0.008995; gross 1.005·1.0025 − 1 = 0.0075125, cost 0.001005.
     * bar 2: Q = 0.5·0.02 = 0.01, G = 1.01; A 0.01 + 1.01·0.005 − 1·0.001·1.01 = 0.01404,
     *        B 1.01·0.005 − 0.5·0.002·1.01 = 0.00404; gross 1.01·1.01 − 1 = 0.0201, cost 0.00202.
     */
    @Test
    void nextOpen_handComputed() {
        Legs[][] legs = {{new Legs(0.01, 0.02), new Legs(-0.01, 0.005), new Legs(0.02, -0.01)},
                {new Legs(0, 0.01), new Legs(0.02, -0.02), new Legs(-0.005, 0.01)}};
        double[][] returns = new double[2][3];
        for (int a = 0; a < 2; a++) {
            for (int t = 0; t < 3; t++) {
                returns[a][t] = legs[a][t].assetReturn();
            }
        }
        Portfolio p = Portfolio.combine(AB, Weighting.EQUAL, POSITIONS, returns, legs, new double[0][], COSTS, SETTINGS,
                null);
        assertArrayEquals(new double[] {0.0095, -0.0024875, 0.01404}, p.contributions()[0], 1e-15);
        assertArrayEquals(new double[] {0.004, 0.008995, 0.00404}, p.contributions()[1], 1e-15);
        assertArrayEquals(new double[] {0.0135, 0.0065075, 0.01808}, p.netReturns(), 1e-15);
        assertArrayEquals(new double[] {0.015, 0.0075125, 0.0201}, p.grossReturns(), 1e-15);
        assertArrayEquals(new double[] {0.0015, 0.001005, 0.00202}, p.costs(), 1e-15);
        assertArrayEquals(new double[] {1, 0.5, 1.5}, p.turnover(), 1e-15);
    }

    /** One asset at the next open is the single-asset executed backtest, bar for bar (gaps restart both flat). */
    @Test
    void nextOpen_oneAsset_isTheExecutedBacktest() {
        Random rng = new Random(7);
        int n = 200;
        double[][] positions = new double[1][n];
        double[][] returns = new double[1][n];
        Legs[][] legs = new Legs[1][n];
        for (int t = 0; t < n; t++) {
            positions[0][t] = rng.nextInt(3) == 0 ? 0 : 1.5 * rng.nextGaussian();
            legs[0][t] = new Legs(0.005 * rng.nextGaussian(), 0.01 * rng.nextGaussian());
            returns[0][t] = legs[0][t].assetReturn();
        }
        positions[0] = Arrays.stream(positions[0]).map(x -> Math.max(-2, Math.min(2, x))).toArray();
        CostModel costs = new CostModel(7, 3);
        Portfolio p = Portfolio.combine(List.of("A"), Weighting.EQUAL, positions, returns, legs, new double[0][],
                List.of(costs), SETTINGS, null);
        dev.foresight.backtest.BacktestResult single = dev.foresight.execution.ExecutedBacktest.run(positions[0], legs[0],
                costs, 0);
        assertArrayEquals(single.netReturns(), p.netReturns(), 1e-15);
        assertArrayEquals(single.grossReturns(), p.grossReturns(), 1e-15);
        assertArrayEquals(single.costs(), p.costs(), 1e-15);
        assertArrayEquals(single.turnover(), p.turnover(), 0);
    }

    /** Inverse volatility: 1/0.02 : 1/0.01 = 1 : 2, so A takes ⅓ and B ⅔ of each position. */
    @Test
    void inverseVolatility_handComputed() {
        Portfolio p = Portfolio.combine(AB, Weighting.INVERSE_VOLATILITY, POSITIONS, RETURNS, VARIANCES, COSTS, SETTINGS);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, -1.0 / 3}, p.exposures()[0], 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 0, 2.0 / 3}, p.exposures()[1], 1e-15);
        double[] a = {0.01 / 3 - 0.001 / 3, -0.02 / 3, -0.03 / 3 - 2 * 0.001 / 3};
        double[] b = {0.04 / 3 - 2 * 0.002 / 3, -2 * 0.002 / 3, -0.02 / 3 - 2 * 0.002 / 3};
        assertArrayEquals(a, p.contributions()[0], 1e-15);
        assertArrayEquals(b, p.contributions()[1], 1e-15);
        for (int t = 0; t < 3; t++) {
            assertEquals(a[t] + b[t], p.netReturns()[t], 1e-15);
        }
    }

    /**
     * Volatility target 10% a year = 0.1/√252 per bar. Bar 0 has no past returns, so the
     * correlation is the identity: σ_p² = ¼·4e-4 + ¼·1e-4 = 1.25e-4 and k = 0.1/√252/√1.25e-4.
     */
    @Test
    void volatilityTarget_scalesTheEqualWeightBook() {
        Portfolio p = Portfolio.combine(AB, Weighting.VOLATILITY_TARGET, POSITIONS, RETURNS, VARIANCES, COSTS, SETTINGS);
        double k = 0.1 / Math.sqrt(252) / Math.sqrt(1.25e-4);
        assertEquals(k, p.scale()[0], 1e-12);
        assertEquals(0.5 * k, p.exposures()[0][0], 1e-12);
        assertEquals(0.5 * k, p.exposures()[1][0], 1e-12);
        // bar 1: one past return each, still no correlation estimate; only A is held: σ_p = ½ × 0.02
        assertEquals(0.1 / Math.sqrt(252) / 0.01, p.scale()[1], 1e-12);
        // bar 2: returns of bars 0 and 1 (A 0.01, −0.02; B 0.02, 0.01: both fall) give correlation +1;
        // e = (−½, ½) is a spread: σ_p² = ¼·4e-4 + ¼·1e-4 − 2·¼·0.02·0.01 = 0.25e-4
        assertEquals(0.1 / Math.sqrt(252) / 0.005, p.scale()[2], 1e-12);
    }

    @Test
    void volatilityTarget_capsTheGrossExposure() {
        double[][] calm = {{1e-8, 1e-8, 1e-8}, {1e-8, 1e-8, 1e-8}};
        Portfolio p = Portfolio.combine(AB, Weighting.VOLATILITY_TARGET, POSITIONS, RETURNS, calm, COSTS, SETTINGS);
        assertEquals(2, Math.abs(p.exposures()[0][0]) + Math.abs(p.exposures()[1][0]), 1e-12);
    }

    @Test
    void trailingCorrelation_matchesCommonsMathOnThePastWindowOnly() {
        Random rng = new Random(3);
        double[][] r = new double[3][200];
        for (int s = 0; s < 200; s++) {
            double common = rng.nextGaussian();
            r[0][s] = common + rng.nextGaussian();
            r[1][s] = -common + 0.5 * rng.nextGaussian();
            r[2][s] = rng.nextGaussian();
        }
        double[][] ours = Correlation.trailing(r, 150, 63);
        double[][] window = new double[63][3];
        for (int s = 87; s < 150; s++) {
            for (int a = 0; a < 3; a++) {
                window[s - 87][a] = r[a][s];
            }
        }
        double[][] theirs = new PearsonsCorrelation(window).getCorrelationMatrix().getData();
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(theirs[a], ours[a], 1e-12);
        }
        // causal: changing bar 150's return and later changes nothing at the close of 150
        double[][] changed = Arrays.stream(r).map(double[]::clone).toArray(double[][]::new);
        for (int s = 150; s < 200; s++) {
            changed[0][s] = 100;
        }
        assertArrayEquals(ours[0], Correlation.trailing(changed, 150, 63)[0], 0);
    }

    @Test
    void missingVarianceOrMismatchedAssets_areRejected() {
        double[][] noVariance = {{4e-4, Double.NaN, 4e-4}, {1e-4, 1e-4, 1e-4}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Portfolio.combine(AB,
                Weighting.INVERSE_VOLATILITY, POSITIONS, RETURNS, noVariance, COSTS, SETTINGS));
        assertEquals(true, e.getMessage().startsWith("A: ") && e.getMessage().contains("bar 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Portfolio.combine(List.of("A"), Weighting.EQUAL, POSITIONS,
                RETURNS, VARIANCES, COSTS, SETTINGS));
    }
}
