package dev.foresight.strategies.rules;

import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;

/**
 * The course's Buy / Hold / Sell signal: long {@code size} when the signal is above {@code upper},
 * short {@code size} (flat when long-only) below {@code lower}, and in between the previous
 * position is held. The hold makes the rule path-dependent; it reads its past only through
 * {@link StrategyInput#previousPosition()}, which the engine computes forward from earlier bars of
 * the same fold (flat before a fold's first bar), so its positions stay causal.
 *
 * @param signal what is compared with the thresholds: P(up), or the expected move
 */
record BandRule(Signal signal, double upper, double lower, double size, Leverage leverage) implements Strategy {

    /** The quantity the thresholds apply to. */
    enum Signal {
        PROBABILITY, MOVE
    }

    BandRule {
        if (!(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("band: lower (" + lower + ") must be finite and at most upper (" + upper + ")");
        }
        if (signal == Signal.PROBABILITY && (lower < 0 || upper > 1)) {
            throw new IllegalArgumentException("band: probability thresholds must be in [0, 1], got " + lower + ".." + upper);
        }
        if (!(size > 0 && size <= leverage.cap())) {
            throw new IllegalArgumentException("band: size must be in (0, max_leverage = " + leverage.cap() + "], got " + size);
        }
    }

    @Override
    public double position(StrategyInput input) {
        double s = value(input);
        if (s > upper) {
            return size;
        }
        if (s < lower) {
            return leverage.longOnly() ? 0 : -size;
        }
        // Hold. Clamped so that a position this rule could not have taken (a fold starts flat, so in
        // practice none) is never carried.
        double floor = leverage.longOnly() ? 0 : -size;
        return Math.max(floor, Math.min(size, input.previousPosition()));
    }

    private double value(StrategyInput input) {
        if (signal == Signal.MOVE) {
            return ExpectedMove.of("band", input);
        }
        double p = input.forecast().probabilityUp();
        if (Double.isNaN(p)) {
            throw new IllegalArgumentException("trading rule 'band' with signal probability needs a probability of up"
                    + " (a direction target's classifier); the forecast at bar " + input.bar() + " has none:"
                    + " use signal: move");
        }
        return p;
    }

    @Override
    public double maxLeverage() {
        return leverage.cap();
    }
}
