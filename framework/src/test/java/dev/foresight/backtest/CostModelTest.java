package dev.foresight.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CostModelTest {

    @Test
    void ratePerUnitTurnover_addsCostAndSlippageInBasisPoints() {
        // (5 + 1) bps = 6 / 10_000 = 0.0006 of equity per unit of turnover
        assertEquals(0.0006, new CostModel(5, 1).ratePerUnitTurnover(), 1e-18);
        assertEquals(0.0, CostModel.NONE.ratePerUnitTurnover());
    }

    @Test
    void constructor_rejectsNegativeNaNAndInfiniteBps() {
        assertThrows(IllegalArgumentException.class, () -> new CostModel(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CostModel(0, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new CostModel(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new CostModel(0, Double.POSITIVE_INFINITY));
    }
}
