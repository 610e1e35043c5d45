package dev.foresight.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateAlignmentTest {

    private static PriceSeries series(String symbol, int... days) {
        LocalDate[] dates = new LocalDate[days.length];
        double[] close = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            dates[i] = LocalDate.of(2020, 1, days[i]);
            close[i] = 100 + days[i]; // the value identifies the day, so mismatched rows would show
        }
        return PriceSeries.of(symbol, dates, Map.of(Column.CLOSE, close), null);
    }

    @Test
    void dateAlignment_keepsOnlyDatesCommonToAllSeriesWithTheirOwnValues() {
        PriceSeries spx = series("SPX", 2, 3, 6, 7, 8);
        PriceSeries vix = series("VIX", 2, 3, 4, 6, 8);
        PriceSeries btc = series("BTC", 1, 2, 3, 4, 5, 6, 7, 8);
        MarketData data = DateAlignment.align(List.of(spx, vix, btc),
                Map.of("SPX", DataNotes.clean(5), "VIX", DataNotes.clean(5), "BTC", DataNotes.clean(8)));
        assertEquals("SPX", data.primary().symbol());
        assertEquals(List.of("SPX", "VIX", "BTC"), List.copyOf(data.symbols()));
        LocalDate[] expected = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 6),
                LocalDate.of(2020, 1, 8)};
        for (PriceSeries s : data.all()) {
            assertArrayEquals(expected, s.dates(), s.symbol());
            assertArrayEquals(new double[] {102, 103, 106, 108}, s.column(Column.CLOSE), s.symbol());
        }
        assertEquals(1, data.notes("SPX").droppedByAlignment());
        assertEquals(1, data.notes("VIX").droppedByAlignment());
        assertEquals(4, data.notes("BTC").droppedByAlignment());
        assertEquals(8, data.notes("BTC").rowsRead());
    }

    @Test
    void dateAlignment_leavesSeriesOnIdenticalCalendarsUntouched() {
        PriceSeries a = series("A", 2, 3);
        MarketData data = DateAlignment.align(List.of(a), Map.of("A", DataNotes.clean(2)));
        assertSame(a, data.primary());
        assertEquals(0, data.notes("A").droppedByAlignment());
    }

    @Test
    void dateAlignment_rejectsSeriesWithNoCommonDatesNamingTheSymbol() {
        UserError e = assertThrows(UserError.class, () -> DateAlignment.align(
                List.of(series("A", 2, 3), series("B", 6, 7)), Map.of("A", DataNotes.clean(2), "B", DataNotes.clean(2))));
        assertEquals(Location.of("B"), e.location());
        assertTrue(e.getMessage().contains("no dates in common with A"), e.getMessage());
        assertTrue(e.getMessage().contains("2020-01-06..2020-01-07"), e.getMessage());
    }

    @Test
    void dateAlignment_rejectsSeriesWithoutNotes() {
        assertThrows(IllegalArgumentException.class,
                () -> DateAlignment.align(List.of(series("A", 2)), Map.of()));
    }
}
