package dev.foresight.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void directionCoded_isEveryLabelZeroOrOne_andAtLeastOne() {
        assertTrue(Labels.directionCoded(new double[] {0, 1, 1, 0}));
        assertTrue(Labels.directionCoded(new double[] {0, 0, 0}), "a flat price's log returns look like it too");
        assertFalse(Labels.directionCoded(new double[] {0, 1, 0.5}));
        assertFalse(Labels.directionCoded(new double[] {0, 1, Double.NaN}));
        assertFalse(Labels.directionCoded(new double[] {1, -1}));
        assertFalse(Labels.directionCoded(new double[0]));
    }
}
