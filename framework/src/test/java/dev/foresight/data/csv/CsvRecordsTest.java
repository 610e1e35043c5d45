package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<String> all(String text, List<Integer> lines) {
        CsvRecords records = new CsvRecords("t.csv", text);
        List<String> out = new ArrayList<>();
        while (records.next()) {
            out.add(records.blank() ? "<blank>" : String.join("|", records.fields()));
            lines.add(records.line());
        }
        return out;
    }

    @Test
    void csvRecords_splitsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        List<Integer> lines = new ArrayList<>();
        List<String> rows = all("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,,\"\"", lines);
        assertEquals(List.of("a|b,c|say \"hi\"", "two\nlines|x|", "last||"), rows);
        assertEquals(List.of(1, 2, 4), lines, "a record starts on its first physical line");
    }

    @Test
    void csvRecords_treatsCrLfLfAndLoneCrAsLineEndsAndNeedsNoFinalNewline() {
        List<Integer> lines = new ArrayList<>();
        assertEquals(List.of("a", "b", "c", "d"), all("a\r\nb\nc\rd", lines));
        assertEquals(List.of(1, 2, 3, 4), lines);
        assertEquals(List.of("a"), all("a\n", new ArrayList<>()), "a final newline adds no record");
    }

    @Test
    void csvRecords_reportsEmptyLinesAsBlankButAnEmptyQuotedFieldAsData() {
        assertEquals(List.of("a", "<blank>", "", "b"), all("a\n\n\"\"\nb\n", new ArrayList<>()));
    }

    @Test
    void csvRecords_stripsByteOrderMarkOnlyAtTheStart() {
        CsvRecords records = new CsvRecords("t.csv", "\uFEFFDate,Close");
        assertTrue(records.next());
        assertEquals(List.of("Date", "Close"), records.fields());
        assertFalse(records.next());
    }

    @Test
    void csvRecords_rejectsTextAfterClosingQuoteAndStrayQuotes() {
        UserError after = assertThrows(UserError.class, () -> all("a,b\n1,\"2\"x\n", new ArrayList<>()));
        assertEquals(2, after.location().line());
        assertEquals(2, after.location().column());
        UserError stray = assertThrows(UserError.class, () -> all("a,b\"c\n", new ArrayList<>()));
        assertEquals(1, stray.location().line());
        assertEquals(2, stray.location().column());
    }
}
