package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.Column;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every synthetic source promises: determinism by seed, consistent bars, business days. */
class SyntheticSourcesTest {

    static Stream<SyntheticSource> sources() {
        return Stream.of(new GbmSource(0.08, 0.2), GarchSource.defaults(),
                RegimeSwitchingGarchSource.calmTurbulent(), RegimeSwitchingGarchSource.bullBearCrisis());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void syntheticSources_sameSeedGivesIdenticalSeries(SyntheticSource source) {
        PriceSeries a = source.generate("S", 2_000, 42);
        PriceSeries b = source.generate("S", 2_000, 42);
        assertArrayEquals(a.dates(), b.dates());
        for (Column c : Column.values()) {
            assertEquals(a.has(c), b.has(c), c.name());
            if (a.has(c)) {
                assertArrayEquals(a.column(c), b.column(c), c.name());
            }
        }
        assertEquals(a.trueRegimes(), b.trueRegimes());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void syntheticSources_differentSeedsGiveDifferentSeries(SyntheticSource source) {
        double[] a = source.generate("S", 500, 1).column(Column.CLOSE);
        double[] b = source.generate("S", 500, 2).column(Column.CLOSE);
        assertFalse(Arrays.equals(a, b));
        assertTrue(a[0] != b[0], "even the first bar differs");
    }

    @ParameterizedTest
    @MethodSource("sources")
    void syntheticSources_everyBarIsConsistentOhlcWithPositiveVolumeAndNoAdjustedClose(SyntheticSource source) {
        PriceSeries s = source.generate("S", 20_000, 3);
        double[] open = s.column(Column.OPEN);
        double[] high = s.column(Column.HIGH);
        double[] low = s.column(Column.LOW);
        double[] close = s.column(Column.CLOSE);
        double[] volume = s.column(Column.VOLUME);
        for (int t = 0; t < s.size(); t++) {
            String bar = "bar " + t + ": o " + open[t] + " h " + high[t] + " l " + low[t] + " c " + close[t];
            assertTrue(low[t] <= Math.min(open[t], close[t]), bar);
            assertTrue(Math.max(open[t], close[t]) <= high[t], bar);
            assertTrue(low[t] > 0, bar);
            assertTrue(volume[t] > 0, bar);
        }
        assertFalse(s.has(Column.ADJ_CLOSE));
        assertTrue(Arrays.stream(high).anyMatch(h -> h > 0) && high[0] != low[0], "bars have a range");
    }

    @ParameterizedTest
    @MethodSource("sources")
    void syntheticSources_datesAreConsecutiveBusinessDaysFromTheFirstOf2000(SyntheticSource source) {
        LocalDate[] dates = source.generate("S", 1_000, 5).dates();
        assertEquals(LocalDate.of(2000, 1, 3), dates[0]);
        for (int t = 1; t < dates.length; t++) {
            DayOfWeek day = dates[t].getDayOfWeek();
            assertTrue(day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY, dates[t].toString());
            long gap = dates[t].toEpochDay() - dates[t - 1].toEpochDay();
            assertEquals(day == DayOfWeek.MONDAY ? 3 : 1, gap, dates[t].toString());
        }
    }

    @ParameterizedTest
    @MethodSource("sources")
    void marketData_carriesCleanNotes(SyntheticSource source) {
        MarketData data = source.market("SYN", 300, 9);
        assertEquals(300, data.size());
        assertEquals(300, data.notes("SYN").rowsRead());
        assertEquals(0, data.notes("SYN").droppedMissing());
    }

    @org.junit.jupiter.api.Test
    void weekendStart_rollsToMonday() {
        GbmSource gbm = new GbmSource(0, 0.1, 50, LocalDate.of(2021, 1, 2));
        assertEquals(LocalDate.of(2021, 1, 4), gbm.generate("S", 3, 1).date(0));
        assertEquals(List.of(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 5), LocalDate.of(2021, 1, 6)),
                List.of(gbm.generate("S", 3, 1).dates()));
    }
}
