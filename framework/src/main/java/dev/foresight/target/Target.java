package dev.foresight.target;

import dev.foresight.data.SeriesView;
import dev.foresight.model.Forecast;

/**
 * What is forecast at bar {@code t}. The label at {@code t} is computed from bars
 * {@code t+1..t+horizon} only (and bar {@code t} as the reference point); its horizon drives
 * the purge between training and test rows.
 */
public interface Target {

    /** Bars after {@code t} the label at {@code t} depends on; at least 1. */
    int horizon();

    /** A short display name, e.g. {@code log-return(h=1)}. */
    String name();

    /**
     * Labels for bars {@code 0..series.last()}: entry {@code t} is NaN when {@code t + horizon()}
     * is beyond the view (the future is not known yet).
     */
    double[] labels(SeriesView series);

    /**
     * The directional meaning of a forecast or label {@code value} made at bar {@code t}: positive
     * for up, negative for down, NaN when the target has no direction (volatility).
     */
    double move(double value, SeriesView series, int t);

    /**
     * The variance of one bar's log return implied by a forecast of this target, for sizing a
     * position held one bar; NaN when the forecast implies none (a direction probability, a price
     * level, or a model without a variance forecast).
     */
    default double barVariance(Forecast forecast) {
        return Double.NaN;
    }

    /** Whether {@link #move} is meaningful, i.e. a trading strategy can use this target. */
    default boolean directional() {
        return true;
    }

    /**
     * Whether the labels are continuous values (a return, a price, a volatility), never 0/1 codes.
     * Models are not told the target: they read training labels that are all 0 or 1 as a direction
     * target's. A continuous target whose training labels are only 0s and 1s (a flat price series
     * gives log returns of 0) would be forecast as a probability of up, so such a fold fails
     * instead of reporting a wrong number. False (unknown) unless a target says so.
     */
    default boolean continuous() {
        return false;
    }
}
