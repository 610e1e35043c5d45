package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per validation rule: the error must point at the exact file, line, CSV column and
 * header, and quote the offending value. Fixtures are in {@code bad/}; the header is
 * {@code Date,Open,High,Low,Close,Adj Close,Volume} and the broken row is on line 4 unless said.
 */
class CsvLoaderErrorTest {

    private static UserError fail(String fixture, CsvLayout layout) {
        Path file = Fixtures.path("bad/" + fixture);
        UserError e = assertThrows(UserError.class, () -> CsvLoader.load(file, "X", layout));
        assertEquals(file.toString(), e.location().source());
        return e;
    }

    private static UserError fail(String fixture) {
        return fail(fixture, CsvLayout.auto());
    }

    private static void assertAt(UserError e, int line, int column, String field, String... phrases) {
        Location l = e.location();
        assertEquals(line, l.line(), e.getMessage());
        assertEquals(column, l.column(), e.getMessage());
        assertEquals(field, l.field(), e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' not in: " + e.getMessage());
        }
    }

    @Test
    void csvLoader_rejectsTextInNumberColumnNamingLineAndColumn() {
        UserError e = fail("not_a_number.csv");
        assertAt(e, 4, 5, "Close", "'abc' is not a number");
        assertTrue(e.getMessage().endsWith("not_a_number.csv:4:5 (Close): 'abc' is not a number"), e.getMessage());
    }

    @Test
    void csvLoader_rejectsMisplacedThousandsSeparator() {
        assertAt(fail("bad_separator.csv"), 4, 7, "Volume", "'1,23' is not a number");
    }

    @Test
    void csvLoader_rejectsOverflowingNumber() {
        assertAt(fail("infinite.csv"), 4, 5, "Close", "'1e999' is not a finite number");
    }

    @Test
    void csvLoader_rejectsImpossibleCalendarDate() {
        assertAt(fail("impossible_date.csv"), 4, 1, "Date", "'2020-02-30' is not a date", "yyyy-MM-dd");
    }

    @Test
    void csvLoader_rejectsRowInAnotherDateFormatThanTheDetectedOne() {
        assertAt(fail("other_date_format.csv"), 4, 1, "Date", "'01/06/2020'", "detected from line 2");
    }

    @Test
    void csvLoader_rejectsMissingValueUnderErrorPolicyNamingTheCell() {
        assertAt(fail("missing_null.csv"), 4, 3, "High", "missing value 'null'", "missing: drop");
    }

    @Test
    void csvLoader_rejectsMissingVolumeOfYahooWebTableUnderErrorPolicy() {
        Path file = Fixtures.path("webtable_desc.csv");
        UserError e = assertThrows(UserError.class, () -> CsvLoader.load(file, "X", CsvLayout.auto()));
        assertAt(e, 5, 8, "Volume", "missing value '-'");
    }

    @Test
    void csvLoader_rejectsMissingDateEvenUnderDropPolicy() {
        assertAt(fail("missing_date.csv", CsvLayout.auto().withMissing(MissingPolicy.DROP)), 4, 1, "Date",
                "missing date ''");
    }

    @Test
    void csvLoader_rejectsDuplicateDateNamingBothLines() {
        assertAt(fail("duplicate_date.csv"), 5, 1, "Date", "duplicate date '2020-01-03'", "line 3");
    }

    @Test
    void csvLoader_rejectsUnsortedDatesNamingBothLines() {
        assertAt(fail("unsorted.csv"), 5, 1, "Date", "'2020-01-07' on line 5", "'2020-01-08' on line 4");
    }

    @Test
    void csvLoader_rejectsZeroPrice() {
        assertAt(fail("zero_open.csv"), 4, 2, "Open", "'0.00' is not positive");
    }

    @Test
    void csvLoader_rejectsNegativeAdjustedClose() {
        assertAt(fail("negative_adj_close.csv"), 4, 6, "Adj Close", "'-93.1' is not positive");
    }

    @Test
    void csvLoader_rejectsNegativeVolume() {
        assertAt(fail("negative_volume.csv"), 4, 7, "Volume", "'-900' is negative");
    }

    @Test
    void csvLoader_rejectsHighBelowLowNamingLineAndColumn() {
        assertAt(fail("high_below_low.csv"), 4, 3, "High", "high '1163.0' is below low '1164.3'",
                "rule: high >= low");
    }

    @Test
    void csvLoader_rejectsHighBelowOpen() {
        assertAt(fail("high_below_open.csv"), 4, 3, "High", "high '18.57' is below open '19.24'",
                "rule: high >= max(open, close)");
    }

    @Test
    void csvLoader_rejectsLowAboveClose() {
        assertAt(fail("low_above_close.csv"), 4, 4, "Low", "low '99.5' is above close '99.0'",
                "rule: low <= min(open, close)");
    }

    @Test
    void csvLoader_rejectsRowWithWrongNumberOfFields() {
        assertAt(fail("short_row.csv"), 4, 0, "", "6 fields but the header has 7");
    }

    @Test
    void csvLoader_rejectsUnterminatedQuote() {
        assertAt(fail("unterminated_quote.csv"), 2, 2, "", "never closed");
    }

    @Test
    void csvLoader_rejectsEmptyFile() {
        assertAt(fail("empty.csv"), 0, 0, "", "empty");
        assertAt(fail("blank_lines_only.csv"), 0, 0, "", "empty");
    }

    @Test
    void csvLoader_rejectsHeaderWithoutDataRows() {
        assertAt(fail("header_only.csv"), 0, 0, "", "no data rows");
    }

    @Test
    void csvLoader_rejectsFileWhoseRowsAreAllDropped() {
        assertAt(fail("all_dropped.csv", CsvLayout.auto().withMissing(MissingPolicy.DROP).withDatePattern(null)),
                0, 0, "", "all 2 data rows");
    }

    @Test
    void csvLoader_rejectsHeaderWithoutDateColumnListingTheHeaders() {
        assertAt(fail("no_date_column.csv"), 1, 0, "", "no date column", "[When, Price]");
    }

    /** The hint names the batch file's key ({@code data.columns.date}); there is no {@code date_column} key. */
    @Test
    void csvLoader_noDateColumnHintNamesTheBatchKey() {
        UserError e = fail("no_date_column.csv");
        String text = e.getMessage().substring(e.getMessage().indexOf("no date column")); // not the fixture's name
        assertTrue(text.contains("columns: {date: <header>}"), e.getMessage());
        assertFalse(text.contains("date_column"), e.getMessage());
    }

    @Test
    void csvLoader_rejectsHeaderWithoutCloseColumnListingTheHeaders() {
        assertAt(fail("no_close_column.csv"), 1, 0, "", "no close column", "[Date, Open, High, Low, Volume]");
    }

    @Test
    void csvLoader_rejectsFredFileWithoutMappingAndSaysHowToMapIt() {
        assertAt(fail("fred_unmapped.csv"), 1, 0, "", "[DATE, DEXUSEU]", "close: DEXUSEU");
    }

    @Test
    void csvLoader_rejectsExplicitMappingToAbsentHeader() {
        CsvLayout layout = CsvLayout.of(null, Map.of(Column.CLOSE, "Last"), null, MissingPolicy.ERROR);
        assertAt(fail("not_a_number.csv", layout), 1, 0, "Last", "no column named 'Last'", "Adj Close");
    }

    @Test
    void csvLoader_rejectsTwoHeadersThatMeanTheSameColumn() {
        assertAt(fail("ambiguous_headers.csv"), 1, 3, "close", "'Close' (column 2) and 'close' (column 3)");
    }

    @Test
    void csvLoader_rejectsMissingFile() {
        Path file = Fixtures.path("bad/empty.csv").resolveSibling("no_such_file.csv");
        UserError e = assertThrows(UserError.class, () -> CsvLoader.load(file, "X", CsvLayout.auto()));
        assertEquals(Location.of(file.toString()), e.location());
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    private static UserError failText(String text, CsvLayout layout) {
        return assertThrows(UserError.class, () -> CsvLoader.parse("p.csv", text, "X", layout));
    }

    private static final String HEAD = "Date,Open,High,Low,Close,Adj Close,Volume\n"
            + "2020-01-02,10,11,9,10.5,10.5,100\n2020-01-03,10,11,9,10.5,10.5,100\n";

    @Test
    void tinyAndHugePrices_areRejectedAtLoadWithTheLine() {
        for (String price : new String[]{"1e-308", "4.9e-324", "1e-11", "2e15", "1.7e308"}) {
            UserError e = failText(HEAD + "2020-01-06,10,11,9," + price + ",10.5,100\n", CsvLayout.auto());
            assertAt(e, 4, 5, "Close", "'" + price + "' is outside the prices");
        }
        // The edges of the range load.
        CsvLoader.parse("p.csv", HEAD + "2020-01-06,1e-10,1e-10,1e-10,1e-10,1e-10,0\n", "X", CsvLayout.auto());
    }

    @Test
    void nonCsvFile_isRefusedAtItsFirstControlCharacterQuotingNothing() {
        String environ = "SECRET_TOKEN=hunter2\u0000HOME=/root\u0000PATH=/usr/bin\u0000";
        UserError e = failText(environ, CsvLayout.auto());
        assertEquals(1, e.location().line());
        assertEquals(21, e.location().column());
        assertTrue(!e.getMessage().contains("hunter2") && !e.getMessage().contains("SECRET"), e.getMessage());
    }

    @Test
    void manyLongHeaders_areShownCutAndCounted() {
        StringBuilder header = new StringBuilder("Date");
        for (int i = 0; i < 50; i++) {
            header.append(",col").append(i).append("x".repeat(500));
        }
        UserError e = failText(header + "\n2020-01-02" + ",1".repeat(50) + "\n", CsvLayout.auto());
        assertTrue(e.getMessage().length() < 1200, e.getMessage().length() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("(and 39 more)"), e.getMessage());
    }

    @Test
    void misspelledMappedColumn_suggestsTheClosestHeader() {
        UserError e = failText(HEAD, new CsvLayout(null, Map.of(Column.CLOSE, "Adj Clsoe"), null, MissingPolicy.ERROR));
        assertTrue(e.getMessage().contains("(did you mean 'Adj Close'?)"), e.getMessage());
    }

    @Test
    void directoryOrDevice_isNotReadAsACsv(@org.junit.jupiter.api.io.TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> CsvLoader.load(dir, "X", CsvLayout.auto()));
        assertEquals("whole file", e.location().field());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
