package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvLayoutTest {

    @Test
    void csvLayout_normalisesHeadersToLowerCaseLettersAndDigits() {
        assertEquals("adjclose", CsvLayout.normalise("Adj Close**"));
        assertEquals("adjclose", CsvLayout.normalise("adj_close"));
        assertEquals("date", CsvLayout.normalise("\uFEFFDATE "));
        assertEquals("", CsvLayout.normalise(""));
    }

    @Test
    void csvLayout_rejectsExplicitMappingWithoutClose() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvLayout.of(null, Map.of(Column.OPEN, "Open"), null, MissingPolicy.ERROR));
        assertTrue(e.getMessage().contains("must include close"), e.getMessage());
    }

    @Test
    void csvLayout_rejectsTwoColumnsReadingOneHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvLayout.of(null,
                new EnumMap<>(Map.of(Column.CLOSE, "Close", Column.ADJ_CLOSE, "close")), null, MissingPolicy.ERROR));
        assertTrue(e.getMessage().contains("cannot both read header"), e.getMessage());
    }

    @Test
    void csvLayout_rejectsInvalidOrIncompleteDatePatternAtConfigurationTime() {
        assertThrows(IllegalArgumentException.class, () -> CsvLayout.auto().withDatePattern("yyyy-MM-dd qqqqqq"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvLayout.auto().withDatePattern("yyyy-MM"));
        assertTrue(e.getMessage().contains("full date"), e.getMessage());
    }

    @Test
    void csvLayout_copiesTheColumnMapSoLaterChangesDoNotLeakIn() {
        Map<Column, String> names = new HashMap<>(Map.of(Column.CLOSE, "Close"));
        CsvLayout layout = CsvLayout.of("Date", names, "yyyy-MM-dd", MissingPolicy.DROP);
        names.put(Column.OPEN, "Open");
        assertEquals(Map.of(Column.CLOSE, "Close"), layout.columns());
        assertThrows(UnsupportedOperationException.class, () -> layout.columns().put(Column.LOW, "Low"));
    }

    @Test
    void csvLayout_parsesMissingPolicyYamlNames() {
        assertEquals(MissingPolicy.DROP, MissingPolicy.fromYamlName("drop"));
        assertEquals(MissingPolicy.ERROR, MissingPolicy.fromYamlName("Error"));
        assertThrows(IllegalArgumentException.class, () -> MissingPolicy.fromYamlName("fill"));
    }
}
