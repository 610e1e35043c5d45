package dev.foresight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    private static final double EPS = 1e-15;

    @Test
    void of_fiveBars_matchesHandComputedErrorsAndExcludesZeroMovesFromDirection() {
        double[] actual = {0.02, -0.01, 0.00, 0.03, -0.02};
        double[] forecast = {0.01, 0.01, 0.02, 0.00, -0.01};
        // errors f - a: -0.01, 0.02, 0.02, -0.03, 0.01
        // squares: 0.0001 + 0.0004 + 0.0004 + 0.0009 + 0.0001 = 0.0019; mse = 0.00038; rmse = 0.0194935886896...
        // abs: 0.01 + 0.02 + 0.02 + 0.03 + 0.01 = 0.09; mae = 0.018
        // direction: bar 0 up/up hit; bar 1 down/up miss; bar 2 actual flat -> not a call;
        //            bar 3 forecast zero -> not a call; bar 4 down/down hit. 3 calls, 2 hits.
        ForecastMetrics m = ForecastMetrics.of(actual, forecast, actual, forecast);

        assertEquals(5, m.n());
        assertEquals(0.00038, m.mse(), EPS);
        assertEquals(0.019493588689617928, m.rmse(), 1e-15);
        assertEquals(0.018, m.mae(), EPS);
        assertEquals(3, m.directionCalls());
        assertEquals(2, m.directionHits());
        assertEquals(2.0 / 3, m.directionAccuracy(), EPS);
    }

    @Test
    void of_directionUsesTheMovesNotTheTargetValues() {
        // Targets could be e.g. price levels; the moves carry the direction.
        double[] actual = {100, 101, 102};
        double[] forecast = {100, 100, 100};
        double[] actualMove = {1, -1, 1};
        double[] forecastMove = {1, 1, Double.NaN};
        // bar 0 hit, bar 1 miss, bar 2 NaN forecast move -> not a call
        ForecastMetrics m = ForecastMetrics.of(actual, forecast, actualMove, forecastMove);
        assertEquals(2, m.directionCalls());
        assertEquals(1, m.directionHits());
        assertEquals(0.5, m.directionAccuracy(), EPS);
        // errors 0, -1, -2: mse = 5/3, mae = 1
        assertEquals(5.0 / 3, m.mse(), 1e-15);
        assertEquals(1.0, m.mae(), EPS);
    }

    @Test
    void of_randomWalkZeroForecast_makesNoCallsAndHasNaNAccuracy() {
        double[] actual = {0.01, -0.02, 0.03};
        double[] zero = {0, 0, 0};
        ForecastMetrics m = ForecastMetrics.of(actual, zero, actual, zero);
        assertEquals(0, m.directionCalls());
        assertEquals(0, m.directionHits());
        assertTrue(Double.isNaN(m.directionAccuracy()));
        // mse = (0.0001 + 0.0004 + 0.0009) / 3
        assertEquals(0.0014 / 3, m.mse(), EPS);
    }

    @Test
    void of_nanActualMoveIsNotACall() {
        ForecastMetrics m = ForecastMetrics.of(new double[] {0.01, 0.01}, new double[] {0.02, 0.02},
                new double[] {Double.NaN, 0.01}, new double[] {0.02, 0.02});
        assertEquals(1, m.directionCalls());
        assertEquals(1, m.directionHits());
        assertEquals(1.0, m.directionAccuracy());
    }

    @Test
    void of_rejectsEmptyMismatchedAndNaNTargetValues() {
        double[] two = {0.01, 0.02};
        assertThrows(IllegalArgumentException.class,
                () -> ForecastMetrics.of(new double[0], new double[0], new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.of(two, new double[1], two, two));
        assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.of(two, two, two, new double[3]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForecastMetrics.of(new double[] {0.01, Double.NaN}, two, two, two));
        assertTrue(e.getMessage().contains("actual[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ForecastMetrics.of(two, new double[] {Double.NaN, 0}, two, two));
    }

    @Test
    void constructor_rejectsMoreHitsThanCalls() {
        assertThrows(IllegalArgumentException.class, () -> new ForecastMetrics(3, 0, 0, 0, 1, 2, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new ForecastMetrics(0, 0, 0, 0, 0, 0, Double.NaN));
    }

    @Test
    void directionBits_agreeWithThePlainDefinitionOnEdgeValues() {
        double[] values = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0001L),
                Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e-300, 0.5, -2};
        for (double a : values) {
            boolean expectedDirection = a != 0 && !Double.isNaN(a);
            assertEquals(expectedDirection ? 1 : 0, ForecastMetrics.hasDirection(a), () -> "hasDirection(" + a + ")");
            for (double b : values) {
                if (expectedDirection && b != 0 && !Double.isNaN(b)) {
                    assertEquals((a > 0) == (b > 0) ? 1 : 0, ForecastMetrics.sameSign(a, b),
                            () -> "sameSign(" + a + ", " + b + ")");
                }
            }
        }
    }

    @Test
    void of_negativeZeroMoveIsNotACallAndTinyMovesAre() {
        // -0.0 is a zero move; 1e-300 * 1e-300 would underflow, but signs are still read.
        ForecastMetrics m = ForecastMetrics.of(new double[3], new double[3],
                new double[] {-0.0, 1e-300, -1e-300}, new double[] {1, 1e-300, 1e-300});
        assertEquals(2, m.directionCalls());
        assertEquals(1, m.directionHits());
    }

    @Test
    void of_nonFiniteValues_areRefusedAtTheFirstOneInBarOrder() {
        // The check runs after the sums (see ForecastMetrics.of): whatever the mix of NaNs and
        // infinities, the message must name the first bad value as a check per bar would, actual
        // before forecast on the same bar, also after finite values whose squares overflow.
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SplittableRandom random = new SplittableRandom(21);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(12);
            double[] actual = new double[n];
            double[] forecast = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = random.nextInt(5) == 0 ? 1e200 : random.nextGaussian();
                forecast[i] = random.nextInt(5) == 0 ? -1e200 : random.nextGaussian();
            }
            int badValues = 1 + random.nextInt(3);
            for (int k = 0; k < badValues; k++) {
                double[] target = random.nextBoolean() ? actual : forecast;
                target[random.nextInt(n)] = bad[random.nextInt(bad.length)];
            }
            String expected = null;
            for (int i = 0; i < n && expected == null; i++) {
                if (!Double.isFinite(actual[i])) {
                    expected = "actual[" + i + "] must be finite, got " + actual[i];
                } else if (!Double.isFinite(forecast[i])) {
                    expected = "forecast[" + i + "] must be finite, got " + forecast[i];
                }
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ForecastMetrics.of(actual, forecast, actual, forecast));
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    void of_finiteErrorsWhoseSquaresOverflow_giveAnInfiniteMseNotAnError() {
        ForecastMetrics m = ForecastMetrics.of(new double[] {1e200, 0}, new double[] {-1e200, 0},
                new double[] {1, 1}, new double[] {-1, 1});
        assertEquals(Double.POSITIVE_INFINITY, m.mse());
        assertEquals(1e200, m.mae());
        assertEquals(2, m.directionCalls());
        assertEquals(1, m.directionHits());
    }
}
