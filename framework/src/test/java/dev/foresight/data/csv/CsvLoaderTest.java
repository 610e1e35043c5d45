package dev.foresight.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading the layouts and quirks real files have; every value is checked, not just the row count. */
class CsvLoaderTest {

    private static LoadedSeries load(String fixture, CsvLayout layout) {
        return CsvLoader.load(Fixtures.path(fixture), "X", layout);
    }

    @Test
    void csvLoader_loadsYahooLayoutWithEveryColumn() {
        LoadedSeries loaded = load("yahoo.csv", CsvLayout.auto());
        PriceSeries s = loaded.series();
        assertEquals("X", s.symbol());
        assertEquals(4, s.size());
        assertEquals(LocalDate.of(2020, 1, 2), s.date(0));
        assertEquals(LocalDate.of(2020, 1, 7), s.date(3));
        assertArrayEquals(new double[] {100.0, 101.0, 100.5, 99.0}, s.column(Column.OPEN));
        assertArrayEquals(new double[] {101.5, 102.0, 100.5, 103.25}, s.column(Column.HIGH));
        assertArrayEquals(new double[] {99.5, 100.0, 98.0, 99.0}, s.column(Column.LOW));
        assertArrayEquals(new double[] {101.0, 100.5, 99.0, 103.0}, s.column(Column.CLOSE));
        assertArrayEquals(new double[] {95.0, 94.5, 93.1, 96.9}, s.column(Column.ADJ_CLOSE));
        assertArrayEquals(new double[] {1000, 1200, 0, 1500}, s.column(Column.VOLUME));
        DataNotes notes = loaded.notes();
        assertEquals(4, notes.rowsRead());
        assertEquals(0, notes.droppedMissing());
        assertFalse(notes.sortedFromNewestFirst());
    }

    @Test
    void csvLoader_readsLowerCaseHeadersWithVolumeBeforeAdjustedClose() {
        PriceSeries s = load("lowercase_volume_first.csv", CsvLayout.auto()).series();
        assertArrayEquals(new double[] {1979830000, 0}, s.column(Column.VOLUME));
        assertArrayEquals(new double[] {1187.760009765625, 1173.7900390625}, s.column(Column.ADJ_CLOSE));
        assertEquals(1190.1700439453125, s.value(Column.HIGH, 0));
    }

    @Test
    void csvLoader_reversesNewestFirstWebTableWithQuotedThousandsAndCrlf() {
        // The oldest row has volume '-': under drop it goes, and the notes say so.
        LoadedSeries loaded = load("webtable_desc.csv", CsvLayout.auto().withMissing(MissingPolicy.DROP));
        PriceSeries s = loaded.series();
        assertEquals(3, s.size());
        assertEquals(LocalDate.of(2022, 6, 29), s.date(0));
        assertEquals(LocalDate.of(2022, 7, 1), s.date(2));
        assertArrayEquals(new double[] {3818.83, 3785.38, 3825.33}, s.column(Column.CLOSE));
        assertArrayEquals(new double[] {3_205_110_000d, 4_032_260_000d, 3_268_240_000d}, s.column(Column.VOLUME));
        assertArrayEquals(new double[] {3818.83, 3785.38, 3825.33}, s.column(Column.ADJ_CLOSE));
        assertTrue(loaded.notes().sortedFromNewestFirst());
        assertEquals(4, loaded.notes().rowsRead());
        assertEquals(1, loaded.notes().droppedMissing());
        assertTrue(loaded.notes().remarks().stream().anyMatch(r -> r.contains("ignored columns: []")),
                loaded.notes().remarks().toString());
        assertTrue(loaded.notes().remarks().stream().anyMatch(r -> r.contains("MMM dd, yyyy (auto-detected)")),
                loaded.notes().remarks().toString());
    }

    @Test
    void csvLoader_dropsRowWhereOnlyVolumeIsMissing() {
        LoadedSeries loaded = load("gold_nulls.csv", CsvLayout.auto().withMissing(MissingPolicy.DROP));
        assertEquals(6, loaded.notes().rowsRead());
        assertEquals(3, loaded.notes().droppedMissing()); // two all-null rows and one null volume
        assertArrayEquals(new LocalDate[] {LocalDate.of(2000, 8, 30), LocalDate.of(2000, 9, 5),
                LocalDate.of(2000, 9, 7)}, loaded.series().dates());
        assertTrue(loaded.notes().remarks().stream().anyMatch(r -> r.contains("first on line 3")),
                loaded.notes().remarks().toString());
    }

    @Test
    void csvLoader_readsLastRowWithoutTrailingNewline() {
        PriceSeries s = load("gold_nulls.csv", CsvLayout.auto().withMissing(MissingPolicy.DROP)).series();
        assertEquals(277.5, s.value(Column.CLOSE, s.size() - 1));
        assertEquals(40, s.value(Column.VOLUME, s.size() - 1));
    }

    @Test
    void csvLoader_readsFredSingleValueColumnWithExplicitCloseMappingAndDroppedDots() {
        CsvLayout layout = CsvLayout.of(null, Map.of(Column.CLOSE, "DEXUSEU"), null, MissingPolicy.DROP);
        LoadedSeries loaded = load("fred_dots.csv", layout);
        assertArrayEquals(new double[] {1.1812, 1.1760, 1.1636, 1.1569}, loaded.series().column(Column.CLOSE));
        assertFalse(loaded.series().has(Column.OPEN));
        assertEquals(6, loaded.notes().rowsRead());
        assertEquals(2, loaded.notes().droppedMissing());
    }

    @Test
    void csvLoader_toleratesUtf8ByteOrderMark() {
        PriceSeries s = load("bom.csv", CsvLayout.auto()).series();
        assertEquals(LocalDate.of(2021, 3, 1), s.date(0));
        assertFalse(s.has(Column.ADJ_CLOSE));
        assertFalse(s.has(Column.VOLUME));
        assertEquals(10.25, s.value(Column.CLOSE, 1));
    }

    @Test
    void csvLoader_detectsCompactAndUsDateFormats() {
        assertEquals(LocalDate.of(2019, 1, 3), load("compact_dates.csv", CsvLayout.auto()).series().date(1));
        assertEquals(LocalDate.of(2019, 2, 1), load("us_dates.csv", CsvLayout.auto()).series().date(1));
    }

    @Test
    void csvLoader_usesExplicitDatePatternAndColumnNames() {
        CsvLayout layout = CsvLayout.of("Tag", Map.of(Column.CLOSE, "Schluss"), "dd.MM.yyyy", MissingPolicy.ERROR);
        PriceSeries s = load("dotted_dates.csv", layout).series();
        assertArrayEquals(new LocalDate[] {LocalDate.of(2019, 1, 31), LocalDate.of(2019, 2, 1)}, s.dates());
    }

    @Test
    void csvLoader_ignoresUnmappedColumnsEvenWithQuotedCommasAndLineBreaks() {
        LoadedSeries loaded = load("quoted.csv", CsvLayout.auto());
        assertArrayEquals(new double[] {50.5, 51, 52}, loaded.series().column(Column.CLOSE));
        assertTrue(loaded.notes().remarks().stream().anyMatch(r -> r.contains("ignored columns: [Note]")));
    }

    @Test
    void explicitMapping_readsOnlyTheMappedColumns() {
        CsvLayout layout = CsvLayout.of(null, Map.of(Column.CLOSE, "adj close", Column.VOLUME, "VOLUME"), null,
                MissingPolicy.ERROR);
        PriceSeries s = load("yahoo.csv", layout).series();
        assertArrayEquals(new double[] {95.0, 94.5, 93.1, 96.9}, s.column(Column.CLOSE));
        assertFalse(s.has(Column.OPEN));
        assertFalse(s.has(Column.ADJ_CLOSE));
    }

    @Test
    void csvLoader_loadsTwentyFiveThousandRowsWithEveryValue() {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        LocalDate d = LocalDate.of(1900, 1, 1);
        for (int i = 0; i < 25_000; i++) {
            double c = 100 + (i % 50);
            csv.append(d.plusDays(i)).append(',').append(c).append(',').append(c + 1.25).append(',')
                    .append(c - 1.5).append(',').append(c + 0.5).append(',').append(c * 0.9).append(',')
                    .append(1_000_000 + i).append('\n');
        }
        String text = csv.toString();
        // How fast is a benchmark's question (bench/), not a test's: a time limit fails at random on a
        // loaded machine. Here: every row and value arrives.
        LoadedSeries loaded = CsvLoader.parse("big.csv", text, "BIG", CsvLayout.auto());
        assertEquals(25_000, loaded.series().size());
        assertEquals(LocalDate.of(1900, 1, 1).plusDays(24_999), loaded.series().date(24_999));
        assertEquals(1_000_000 + 24_999, loaded.series().value(Column.VOLUME, 24_999));
    }

    @Test
    void csvLoader_parsesTheSameTextGivenAsStringWithTheSourceName() {
        LoadedSeries loaded = CsvLoader.parse("inline.csv", "Date,Close\r\n2020-01-02,1\r\n2020-01-03,2",
                "IN", CsvLayout.auto());
        assertArrayEquals(new double[] {1, 2}, loaded.series().column(Column.CLOSE));
    }

    @Test
    void csvLoader_alignsLoadedSeriesKeepingTheirNotes() {
        LoadedSeries a = CsvLoader.parse("a.csv", "Date,Close\n2020-01-02,1\n2020-01-03,2\n2020-01-06,3", "A",
                CsvLayout.auto());
        LoadedSeries b = CsvLoader.parse("b.csv", "Date,Close\n2020-01-06,30\n2020-01-03,20\n", "B",
                CsvLayout.auto());
        dev.foresight.data.MarketData data = LoadedSeries.align(List.of(a, b));
        assertArrayEquals(new double[] {2, 3}, data.primary().column(Column.CLOSE));
        assertArrayEquals(new double[] {20, 30}, data.series("B").column(Column.CLOSE));
        assertEquals(1, data.notes("A").droppedByAlignment());
        assertTrue(data.notes("B").sortedFromNewestFirst());
        assertThrows(IllegalArgumentException.class, () -> LoadedSeries.align(List.of(a, a)));
    }
}
