package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.model.Forecast;
import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each sizing rule pinned on hand-computed positions, and a path's turnover and costs through the backtest. */
class SizingRulesTest {

    private static final Leverage ONE = new Leverage(1, false);

    private static StrategyInput input(double move, double probability, double barVariance, double previous) {
        return new StrategyInput(7, new Forecast(move, probability, Double.NaN), move, previous, barVariance);
    }

    // --- vol-target: 10% target, 252 bars; a one-bar variance v gives annual vol √(252 v).

    @ParameterizedTest(name = "vol-target(cap {2}, long_only {3}): move {0}, one-bar variance {1} ⇒ {4}")
    @CsvSource({
            // annual vol 20% ⇒ 0.10 / 0.20 = 0.5
            "0.01,   0.000158730158730, 1, false,  0.5",
            "-0.01,  0.000158730158730, 1, false, -0.5",
            "-0.01,  0.000158730158730, 1, true,   0.0",
            // annual vol 5% ⇒ 2, capped at 1, or 2 under cap 3
            "0.003,  0.0000099206349206, 1, false,  1.0",
            "0.003,  0.0000099206349206, 3, false,  2.0",
            "-0.003, 0.0000099206349206, 3, false, -2.0",
            // no direction, no position, whatever the variance
            "0.0,    0.000158730158730, 3, false,  0.0",
            // zero variance ⇒ infinite size ⇒ the cap
            "0.01,   0.0,               2, false,  2.0"})
    void volTarget_positionTable(double move, double variance, double cap, boolean longOnly, double expected) {
        Strategy rule = new VolTargetRule(0.10, 252, new Leverage(cap, longOnly), Optional.empty());
        // the variances above are written to 15 digits
        assertEquals(expected, rule.position(input(move, Double.NaN, variance, 0)), 1e-9);
    }

    @Test
    void volTarget_withoutAVarianceForecast_saysWhatToDo() {
        Strategy own = new VolTargetRule(0.10, 252, ONE, Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> own.position(input(0.01, Double.NaN, Double.NaN, 0)));
        assertTrue(e.getMessage().contains("volatility_model") && e.getMessage().contains("bar 7"), e.getMessage());
        Strategy named = new VolTargetRule(0.10, 252, ONE, Optional.of("garch"));
        assertEquals(Optional.of("garch"), named.volatilityModel());
        e = assertThrows(IllegalArgumentException.class, () -> named.position(input(0.01, Double.NaN, Double.NaN, 0)));
        assertTrue(e.getMessage().contains("'garch'"), e.getMessage());
    }

    // --- probability: (2p − 1) k, flat within the band, capped.

    @ParameterizedTest(name = "probability(k {1}, band {2}, cap {3}, long_only {4}): p {0} ⇒ {5}")
    @CsvSource({
            "0.6,  1,   0.0,  1, false,  0.2",
            "0.4,  1,   0.0,  1, false, -0.2",
            "0.4,  1,   0.0,  1, true,   0.0",
            "0.75, 0.5, 0.0,  1, false,  0.25",
            "0.9,  4,   0.0,  1, false,  1.0",
            "0.9,  4,   0.0,  2, false,  2.0",
            "0.1,  4,   0.0,  2, false, -2.0",
            "0.5,  1,   0.0,  1, false,  0.0",
            // the band's edge is inside the band (|p − ½| ≤ band ⇒ flat)
            "0.55, 1,   0.05, 1, false,  0.0",
            "0.56, 1,   0.05, 1, false,  0.12",
            "0.44, 1,   0.05, 1, false, -0.12",
            "1.0,  1,   0.05, 1, false,  1.0",
            "0.0,  1,   0.05, 1, false, -1.0"})
    void probability_positionTable(double p, double k, double band, double cap, boolean longOnly, double expected) {
        Strategy rule = new ProbabilityRule(k, band, new Leverage(cap, longOnly));
        assertEquals(expected, rule.position(input(p - 0.5, p, Double.NaN, 0)), 1e-12);
    }

    @Test
    void probability_withoutAProbability_isRejected() {
        Strategy rule = new ProbabilityRule(1, 0, ONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.position(input(0.01, Double.NaN, Double.NaN, 0)));
        assertTrue(e.getMessage().contains("probability of up"), e.getMessage());
    }

    // --- band: buy above upper, sell below lower, hold in between.

    @Test
    void band_holdsThePreviousPositionBetweenTheThresholds() {
        Strategy rule = new BandRule(BandRule.Signal.PROBABILITY, 0.6, 0.4, 1, ONE);
        double[] p = {0.5, 0.65, 0.55, 0.45, 0.6, 0.35, 0.5, 0.59, 0.61, 0.4};
        double[] expected = {0, 1, 1, 1, 1, -1, -1, -1, 1, 1};
        assertArrayEquals(expected, path(rule, p), 0);
    }

    @Test
    void band_longOnly_sellsToFlat() {
        Strategy rule = new BandRule(BandRule.Signal.PROBABILITY, 0.6, 0.4, 0.5, new Leverage(1, true));
        double[] p = {0.7, 0.5, 0.3, 0.5, 0.65};
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0, 0.5}, path(rule, p), 0);
    }

    @Test
    void band_onTheExpectedMove() {
        Strategy rule = new BandRule(BandRule.Signal.MOVE, 0.001, -0.001, 2, new Leverage(2, false));
        assertEquals(2, rule.position(input(0.002, Double.NaN, Double.NaN, 0)), 0);
        assertEquals(-2, rule.position(input(-0.002, Double.NaN, Double.NaN, 0)), 0);
        assertEquals(2, rule.position(input(0.0005, Double.NaN, Double.NaN, 2)), 0);
        assertEquals(0, rule.position(input(0.0005, Double.NaN, Double.NaN, 0)), 0);
    }

    @Test
    void band_neverCarriesAPositionItCouldNotHaveTaken() {
        Strategy longOnly = new BandRule(BandRule.Signal.PROBABILITY, 0.6, 0.4, 0.5, new Leverage(1, true));
        assertEquals(0, longOnly.position(input(0, 0.5, Double.NaN, -1)), 0);
        assertEquals(0.5, longOnly.position(input(0, 0.5, Double.NaN, 1)), 0);
    }

    @Test
    void band_rejectsCrossedThresholdsAndOversizedPositions() {
        assertThrows(IllegalArgumentException.class, () -> new BandRule(BandRule.Signal.MOVE, -0.1, 0.1, 1, ONE));
        assertThrows(IllegalArgumentException.class, () -> new BandRule(BandRule.Signal.PROBABILITY, 1.2, 0.4, 1, ONE));
        assertThrows(IllegalArgumentException.class, () -> new BandRule(BandRule.Signal.PROBABILITY, 0.6, 0.4, 1.5, ONE));
    }

    /**
     * Positions, turnover and costs of each rule over one hand-computed path, through the backtest:
     * 10 bps per unit of turnover, the fold starting flat.
     */
    @Test
    void sizingRules_turnoverAndCostsThroughTheBacktest() {
        double[] assetReturns = {0.01, -0.02, 0.005, 0.01};
        CostModel costs = new CostModel(10, 0);

        // probability, k = 1, band 0.05: p = 0.7, 0.52, 0.3, 0.8 ⇒ 0.4, 0, −0.4, 0.6
        Strategy probability = new ProbabilityRule(1, 0.05, ONE);
        double[] p = {0.7, 0.52, 0.3, 0.8};
        double[] positions = path(probability, p);
        assertArrayEquals(new double[] {0.4, 0, -0.4, 0.6}, positions, 1e-15);
        BacktestResult r = Backtest.run(positions, assetReturns, costs, 0);
        assertArrayEquals(new double[] {0.4, 0.4, 0.4, 1.0}, r.turnover(), 1e-15);
        assertArrayEquals(new double[] {0.0004, 0.0004, 0.0004, 0.001}, r.costs(), 1e-15);
        assertArrayEquals(new double[] {0.004 - 0.0004, -0.0004, -0.002 - 0.0004, 0.006 - 0.001}, r.netReturns(), 1e-15);

        // vol-target 10%, cap 2: annual vols 20%, 5%, 10%, 40% ⇒ sizes 0.5, 2, 1, 0.25 with signs +, +, −, +
        Strategy volTarget = new VolTargetRule(0.10, 252, new Leverage(2, false), Optional.empty());
        double[] vols = {0.20, 0.05, 0.10, 0.40};
        double[] moves = {0.001, 0.002, -0.001, 0.003};
        double[] vt = new double[4];
        double previous = 0;
        for (int i = 0; i < 4; i++) {
            double v = vols[i] * vols[i] / 252;
            vt[i] = volTarget.position(new StrategyInput(i, new Forecast(moves[i], Double.NaN, v), moves[i], previous, v));
            previous = vt[i];
        }
        assertArrayEquals(new double[] {0.5, 2, -1, 0.25}, vt, 1e-12);
        r = Backtest.run(vt, assetReturns, costs, 0);
        assertArrayEquals(new double[] {0.5, 1.5, 3, 1.25}, r.turnover(), 1e-12);
        assertArrayEquals(new double[] {0.005 - 0.0005, -0.04 - 0.0015, -0.005 - 0.003, 0.0025 - 0.00125},
                r.netReturns(), 1e-12);

        // band 0.6 / 0.4 on p = 0.7, 0.5, 0.3, 0.5 ⇒ 1, 1 (held), −1, −1 (held): turnover 1, 0, 2, 0
        Strategy band = new BandRule(BandRule.Signal.PROBABILITY, 0.6, 0.4, 1, ONE);
        double[] bp = path(band, new double[] {0.7, 0.5, 0.3, 0.5});
        assertArrayEquals(new double[] {1, 1, -1, -1}, bp, 0);
        r = Backtest.run(bp, assetReturns, costs, 0);
        assertArrayEquals(new double[] {1, 0, 2, 0}, r.turnover(), 0);
        assertArrayEquals(new double[] {0.01 - 0.001, -0.02, -0.005 - 0.002, -0.01}, r.netReturns(), 1e-15);
    }

    /** The engine's loop: each bar sees the position the rule took at the bar before (flat before the first). */
    private static double[] path(Strategy rule, double[] probabilities) {
        double[] out = new double[probabilities.length];
        double previous = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            out[i] = rule.position(new StrategyInput(i, new Forecast(p, p, Double.NaN), p - 0.5, previous));
            previous = out[i];
        }
        return out;
    }
}
