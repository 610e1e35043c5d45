package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFeaturesTest {

    @Test
    void dayOfWeekAndMonth_areSinCosPairsOfTheDate() {
        // Markets.days starts on Wednesday 2020-01-01 (d = 2) and steps one calendar day
        var view = Markets.of(Markets.randomWalk(40, 0.01, 1)).full();
        CalendarFeatures set = new CalendarFeatures(true, true);
        FeatureMatrix m = set.fit(view).compute(view);

        assertEquals(List.of("dow_sin", "dow_cos", "month_sin", "month_cos"), m.names());
        assertEquals(0, set.warmUp());
        assertEquals(Math.sin(2 * Math.PI * 2 / 7), m.get(0, 0), 1e-15, "Wednesday");
        assertEquals(Math.cos(2 * Math.PI * 2 / 7), m.get(0, 1), 1e-15);
        assertEquals(0.0, m.get(0, 2), 1e-15, "January: angle 0");
        assertEquals(1.0, m.get(0, 3), 1e-15);
        assertEquals(0.0, m.get(5, 0), 1e-15, "2020-01-06 is a Monday: angle 0");
        assertEquals(1.0, m.get(5, 1), 1e-15);
        assertEquals(Math.sin(2 * Math.PI / 12), m.get(31, 2), 1e-15, "2020-02-01: February");
        Bars.assertCausal(set, Bars.single(Bars.ohlcv("X", 50, 0.01, 2)), 0, 10, 49);
    }

    @Test
    void monthOnly_hasTwoColumns() {
        var view = Markets.of(new double[] {1, 2}).full();
        assertEquals(List.of("month_sin", "month_cos"), new CalendarFeatures(false, true).fit(view).compute(view).names());
    }
}
