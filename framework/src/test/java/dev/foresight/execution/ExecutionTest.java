package dev.foresight.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionTest {

    private static final LocalDate[] DATES = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4)};

    /** Closes 100, 102, 99; opens (of bars 1 and 2) 101 and 100. */
    private static PriceSeries series() {
        return PriceSeries.of("X", DATES, Map.of(Column.CLOSE, new double[] {100, 102, 99},
                Column.OPEN, new double[] {100, 101, 100}), null);
    }

    @Test
    void atTheClose_theNewPositionEarnsCloseToClose() {
        Legs legs = Execution.CLOSE.legs(series(), 0);
        assertEquals(new Legs(0, 102.0 / 100 - 1), legs);
        // exactly the single-leg figure, whatever the previous position
        assertEquals(-0.5 * (102.0 / 100 - 1), legs.grossReturn(1, -0.5), 0);
    }

    /**
     * Bar 0: flat before, long 1 from the open of bar 1: earns 102/101 − 1 = 0.990%. Bar 1: long
     * overnight (100/102 − 1 = −1.961%), short from the open (−(99/100 − 1) = +1%):
     * 0.980392 × 1.01 − 1 = −0.980%.
     */
    @Test
    void atTheNextOpen_thePreviousPositionEarnsTheOvernightGap() {
        Legs bar0 = Execution.NEXT_OPEN.legs(series(), 0);
        assertEquals(0.01, bar0.before(), 1e-15);
        assertEquals(102.0 / 101 - 1, bar0.after(), 1e-15);
        assertEquals(102.0 / 101 - 1, bar0.grossReturn(0, 1), 1e-15);

        Legs bar1 = Execution.NEXT_OPEN.legs(series(), 1);
        assertEquals((100.0 / 102) * (1 + 0.01) - 1, bar1.grossReturn(1, -1), 1e-15);
        assertEquals(-0.00980392156862745, bar1.grossReturn(1, -1), 1e-15);
    }

    @Test
    void aHeldPosition_earnsCloseToCloseUnderEitherAssumption() {
        for (int t = 0; t < 2; t++) {
            Legs legs = Execution.NEXT_OPEN.legs(series(), t);
            double closeToClose = series().price(t + 1) / series().price(t) - 1;
            assertEquals(closeToClose, legs.grossReturn(1, 1), 1e-15);
            assertEquals(closeToClose, legs.assetReturn(), 1e-15);
            // half a position held: (1 + g/2)(1 + d/2) − 1 = (g + d)/2 + gd/4, rebalanced to one half at the open
            double g = legs.before();
            double d = legs.after();
            assertEquals((g + d) / 2 + g * d / 4, legs.grossReturn(0.5, 0.5), 1e-15);
        }
    }

    /** A 2-for-1 split between the bars: the open is put on the adjusted close's scale. */
    @Test
    void onAdjustedData_theOpenIsAdjustedByTheSameFactor() {
        PriceSeries adjusted = PriceSeries.of("X", DATES, Map.of(Column.CLOSE, new double[] {100, 102, 99},
                Column.OPEN, new double[] {100, 101, 100}, Column.ADJ_CLOSE, new double[] {50, 51, 49.5}), null);
        Legs legs = Execution.NEXT_OPEN.legs(adjusted, 0);
        assertEquals(50.5 / 50 - 1, legs.before(), 1e-15);
        assertEquals(51 / 50.5 - 1, legs.after(), 1e-15);
    }

    @Test
    void nextOpen_withoutAnOpenPrice_isRefusedAndNamesTheChoices() {
        PriceSeries closes = PriceSeries.of("X", DATES, Map.of(Column.CLOSE, new double[] {100, 102, 99}), null);
        assertFalse(Execution.NEXT_OPEN.supports(closes));
        assertTrue(Execution.CLOSE.supports(closes));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Execution.NEXT_OPEN.legs(closes, 0))
                .getMessage().contains("open"));
        assertEquals(Execution.NEXT_OPEN, Execution.parse("next-open"));
        assertEquals("close", Execution.CLOSE.yamlName());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Execution.parse("open"))
                .getMessage().contains("close or next-open"));
    }
}
