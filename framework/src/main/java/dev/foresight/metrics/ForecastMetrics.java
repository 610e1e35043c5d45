package dev.foresight.metrics;

import java.util.Objects;

/**
 * How well forecasts match what happened, over {@code n} bars.
 *
 * @param n                 number of bars
 * @param mse               mean squared error, {@code (1/n) Σ (forecast - actual)^2}
 * @param rmse              {@code sqrt(mse)}
 * @param mae               mean absolute error, {@code (1/n) Σ |forecast - actual|}
 * @param directionCalls    bars whose direction was judged (see {@link #of})
 * @param directionHits     judged bars where forecast and actual moved the same way
 * @param directionAccuracy {@code directionHits / directionCalls}; NaN when no bar was judged
 */
public record ForecastMetrics(int n, double mse, double rmse, double mae,
                              int directionCalls, int directionHits, double directionAccuracy) {

    public ForecastMetrics {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if (directionCalls < 0 || directionCalls > n || directionHits < 0 || directionHits > directionCalls) {
            throw new IllegalArgumentException("need 0 <= directionHits <= directionCalls <= n, got hits="
                    + directionHits + ", calls=" + directionCalls + ", n=" + n);
        }
    }

    /**
     * Computes forecast metrics.
     *
     * <p>{@code actual} and {@code forecast} are the target values (e.g. next-period log return)
     * and must be finite. {@code actualMove} and {@code forecastMove} are their directional
     * readings: positive = up, negative = down, and 0 or NaN = no direction (NaN is allowed here
     * and only here).
     *
     * <p>Direction convention: a bar counts as a <em>call</em> only when both {@code actualMove}
     * and {@code forecastMove} are nonzero and not NaN; it is a <em>hit</em> when they have the
     * same sign. {@code directionAccuracy = hits / calls}, NaN when there are no calls. So zero
     * moves (flat prices, or a zero forecast such as the random walk's) count as neither hit nor
     * miss, and {@link #directionCalls()} tells how many bars were judged.
     *
     * @throws IllegalArgumentException on empty input, mismatched lengths or non-finite
     *                                  {@code actual}/{@code forecast} values
     */
    public static ForecastMetrics of(double[] actual, double[] forecast, double[] actualMove, double[] forecastMove) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(actualMove, "actualMove");
        Objects.requireNonNull(forecastMove, "forecastMove");
        int n = actual.length;
        if (n == 0) {
            throw new IllegalArgumentException("forecast metrics need at least one bar");
        }
        if (forecast.length != n || actualMove.length != n || forecastMove.length != n) {
            throw new IllegalArgumentException("actual, forecast, actualMove and forecastMove must have the same length; got "
                    + n + ", " + forecast.length + ", " + actualMove.length + ", " + forecastMove.length);
        }
        double sumSq = 0;
        double sumAbs = 0;
        int calls = 0;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            double e = forecast[i] - actual[i];
            sumSq += e * e;
            sumAbs += Math.abs(e);
            long q = Double.doubleToRawLongBits(signProduct(actualMove[i], forecastMove[i]));
            calls += positive(q & 0x7FFF_FFFF_FFFF_FFFFL);
            hits += positive(q);
        }
        // The finiteness of the inputs is checked after the loop, not per bar (two tests per bar
        // were 15% of this loop on a million bars): a NaN or infinite actual or forecast makes its
        // error, and from there the sum of squares, NaN or infinite for good, so a finite sum
        // proves every input finite. Only a non-finite sum pays for the search, which names the
        // first bad value as a check per bar would; finite values whose squares overflowed pass it
        // and keep the infinite MSE they had before.
        if (!(sumSq < Double.POSITIVE_INFINITY)) {
            requireFinite(actual, forecast);
        }
        double mse = sumSq / n;
        double accuracy = calls == 0 ? Double.NaN : (double) hits / calls;
        return new ForecastMetrics(n, mse, Math.sqrt(mse), sumAbs / n, calls, hits, accuracy);
    }

    /** Refuses the first non-finite {@code actual[i]} or {@code forecast[i]}, in bar order. */
    private static void requireFinite(double[] actual, double[] forecast) {
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i])) {
                throw new IllegalArgumentException("actual[" + i + "] must be finite, got " + actual[i]);
            }
            if (!Double.isFinite(forecast[i])) {
                throw new IllegalArgumentException("forecast[" + i + "] must be finite, got " + forecast[i]);
            }
        }
    }

    /*
     * Directions are close to coin flips, so an if per bar would be mispredicted about half the
     * time and dominate the loop (measured: ~3x slower on a million bars). The two moves are
     * folded into one double whose sign and zero-ness say everything, and its bits are counted
     * without a branch: 1.6 ms on a million bars against 2.0 for testing each move's bits
     * (bench/backtest README, 2026-12-07).
     */

    /**
     * A number that is zero when either move is zero (of either sign), NaN when either is NaN,
     * and otherwise nonzero with the sign of the product of the moves' signs (infinities count).
     * Each move is scaled by 2^600 first, so that no product of two nonzero moves underflows to
     * zero (each factor is then at least 2^-474 in magnitude); one that overflows becomes an
     * infinity of the right sign. A zero times an infinity is NaN: no call either way.
     */
    static double signProduct(double actualMove, double forecastMove) {
        return (actualMove * 0x1p600) * (forecastMove * 0x1p600);
    }

    /** 1 when {@code bits} are those of a double {@code > 0} (+infinity included, NaN not), else 0. */
    static int positive(long bits) {
        long y = bits - 1;  // in [0, +infinity's bits) exactly for the doubles > 0
        return (int) ((~y & (y - 0x7FF0_0000_0000_0000L)) >>> 63);
    }
}
