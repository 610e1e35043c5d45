package dev.foresight.strategies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.model.Forecast;
import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TradingRulesTest {

    /** A realised-volatility forecast of 0.2 has no direction: its target reports a NaN move. */
    private static double position(Strategy rule, double move) {
        return rule.position(new StrategyInput(10, Forecast.point(0.2), move, 0.0));
    }

    @ParameterizedTest(name = "sign(size {1}, allow_short {2}): move {0} ⇒ {3}")
    @CsvSource({
            "0.02,   1.0, true,   1.0",
            "-0.02,  1.0, true,  -1.0",
            "0.0,    1.0, true,   0.0",
            "-0.0,   1.0, true,   0.0",
            "1e-12,  0.5, true,   0.5",
            "-3.0,   0.5, true,  -0.5",
            "0.02,   1.0, false,  1.0",
            "-0.02,  1.0, false,  0.0",
            "0.0,    1.0, false,  0.0"})
    void sign_positionTable(double move, double size, boolean allowShort, double expected) {
        assertEquals(expected, position(new SignRule(size, allowShort), move), 0);
    }

    @ParameterizedTest(name = "long-above(size {1}, threshold {2}): move {0} ⇒ {3}")
    @CsvSource({
            "0.02,   1.0, 0.0,    1.0",
            "0.0,    1.0, 0.0,    0.0",
            "-0.02,  1.0, 0.0,    0.0",
            "0.002,  1.0, 0.001,  1.0",
            "0.001,  1.0, 0.001,  0.0",
            "0.0005, 0.3, 0.001,  0.0",
            "0.5,    0.3, 0.001,  0.3",
            "-0.01,  1.0, -0.02,  1.0"})
    void longAbove_positionTable(double move, double size, double threshold, double expected) {
        assertEquals(expected, position(new LongAboveRule(size, threshold), move), 0);
    }

    @Test
    void nanMove_isRejectedAsANonDirectionalTarget() {
        for (Strategy rule : new Strategy[] {new SignRule(1, true), new LongAboveRule(1, 0)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> position(rule, Double.NaN));
            assertTrue(e.getMessage().contains("needs a directional target"), e.getMessage());
            assertTrue(e.getMessage().contains("bar 10"), e.getMessage());
        }
    }

    @Test
    void sizeOutsideTheUnitInterval_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SignRule(0, true));
        assertThrows(IllegalArgumentException.class, () -> new SignRule(1.5, true));
        assertThrows(IllegalArgumentException.class, () -> new LongAboveRule(-0.5, 0));
    }

    @Test
    void positions_stayInTheUnitIntervalForExtremeMoves() {
        for (double move : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300}) {
            for (Strategy rule : new Strategy[] {new SignRule(1, true), new LongAboveRule(1, 0)}) {
                double p = position(rule, move);
                assertTrue(p >= -1 && p <= 1, rule + " at " + move + " gave " + p);
            }
        }
    }
}
