package dev.foresight.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.SeriesView;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final double[] CLOSE = {100, 110, 99, 99, 120};
    private static final double[] ADJ = {50, 55, 49.5, 49.5, 60};

    private static SeriesView view() {
        LocalDate[] d = new LocalDate[CLOSE.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = LocalDate.of(2024, 1, 1).plusDays(i);
        }
        PriceSeries s = PriceSeries.of("X", d, Map.of(Column.CLOSE, CLOSE, Column.ADJ_CLOSE, ADJ), null);
        return MarketData.of(s, DataNotes.clean(d.length)).full().primary();
    }

    @Test
    void logReturn_usesAdjustedCloseAndHidesTheUnknownFuture() {
        double[] y = Targets.logReturn(2).labels(view());
        assertEquals(Math.log(49.5 / 50), y[0], 1e-15);
        assertEquals(Math.log(49.5 / 55), y[1], 1e-15);
        assertEquals(Math.log(60 / 49.5), y[2], 1e-15);
        assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[4]));
    }

    @Test
    void direction_countsAnUnchangedPriceAsNotUp() {
        assertArrayEquals(new double[] {1, 0, 0, 1, Double.NaN}, Targets.direction(1).labels(view()));
        assertEquals(0.2, Targets.direction(1).move(0.7, view(), 0), 1e-15);
    }

    @Test
    void realisedVolatility_isTheRootMeanSquareOfTheNextReturns() {
        double r1 = Math.log(55.0 / 50);
        double r2 = Math.log(49.5 / 55);
        double[] y = Targets.realisedVolatility(2).labels(view());
        assertEquals(Math.sqrt((r1 * r1 + r2 * r2) / 2), y[0], 1e-15);
        assertTrue(Double.isNaN(Targets.realisedVolatility(2).move(0.1, view(), 0)));
    }

    @Test
    void nextClose_usesTheUnadjustedCloseAndMovesAgainstToday() {
        double[] y = Targets.nextClose(1).labels(view());
        assertArrayEquals(new double[] {110, 99, 99, 120, Double.NaN}, y);
        assertEquals(-11, Targets.nextClose(1).move(99, view(), 1), 1e-12);
    }
}
