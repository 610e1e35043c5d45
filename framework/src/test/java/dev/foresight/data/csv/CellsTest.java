package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void cells_parsesPlainSignedExponentAndGroupedNumbers() {
        assertEquals(1181.2099609375, Cells.parseNumber("1181.2099609375"));
        assertEquals(-2.5, Cells.parseNumber("-2.5"));
        assertEquals(0.5, Cells.parseNumber(".5"));
        assertEquals(3.0, Cells.parseNumber("3."));
        assertEquals(1.5e-7, Cells.parseNumber("1.5E-7"));
        assertEquals(3781.0, Cells.parseNumber("3,781.00"));
        assertEquals(3_268_240_000d, Cells.parseNumber("3,268,240,000"));
    }

    @Test
    void cells_rejectsWhatJavaWouldAcceptButACsvShouldNot() {
        for (String bad : new String[] {"Infinity", "0x1p3", "1.5d", "1f", "1,23", ",123", "1234,567", "1.2.3",
                "1e", "+", "", "abc", "1 000", "1,000.5,0"}) {
            assertTrue(Double.isNaN(Cells.parseNumber(bad)), bad);
        }
    }

    @Test
    void cells_recognisesMissingMarkers() {
        for (String missing : new String[] {"", ".", "-", "null", "NULL", "NaN", "nan"}) {
            assertTrue(Cells.isMissing(missing), missing);
        }
        assertFalse(Cells.isMissing("0"));
        assertFalse(Cells.isMissing("n/a0"));
    }
}
