package dev.foresight.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Forecast against outcome in bins: a calibration plot for probabilities, a binned scatter otherwise. */
class ForecastSectionTest {

    /** By hand: P(up) 0.05, 0.15, 0.12 with outcomes 0, 1, 0 → bins [0, 0.1) and [0.1, 0.2): (0.05, 0) and (0.135, 0.5); 1.0 falls in the last bin. */
    @Test
    void probabilities_areBinnedByTenthsAgainstTheObservedFrequency() {
        var points = ForecastSection.binned(new double[] {0.05, 0.15, 0.12, 1.0, Double.NaN}, new double[] {0, 1, 0, 1, 1}, true);
        assertEquals(List.of(List.of(0.05, 0.0), List.of(0.135, 0.5), List.of(1.0, 1.0)), points);
    }

    /** Forty forecasts 0..39 with actual = 2·forecast: twenty bins of two, each point (2k + 0.5, 4k + 1). */
    @Test
    void otherForecasts_areCutIntoTwentyEqualCountBinsSortedByForecast() {
        double[] f = new double[40];
        double[] a = new double[40];
        for (int i = 0; i < 40; i++) {
            f[39 - i] = i; // unsorted input
            a[39 - i] = 2 * i;
        }
        var points = ForecastSection.binned(f, a, false);
        assertEquals(20, points.size());
        for (int k = 0; k < 20; k++) {
            assertEquals(2 * k + 0.5, points.get(k).get(0), 1e-12);
            assertEquals(4 * k + 1, points.get(k).get(1), 1e-12);
        }
    }
}
