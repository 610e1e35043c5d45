package dev.foresight.strategies.rules;

import dev.foresight.strategy.StrategyInput;

/** The one check every rule makes before trading on a forecast. */
final class ExpectedMove {

    private ExpectedMove() {
    }

    /** The directional move, or an error naming the rule when the target has no direction. */
    static double of(String rule, StrategyInput input) {
        double move = input.expectedMove();
        if (Double.isNaN(move)) {
            throw new IllegalArgumentException("trading rule '" + rule + "' needs a directional target (log return,"
                    + " direction or next close); the expected move at bar " + input.bar() + " is NaN");
        }
        return move;
    }

    /** Shared by the rules: a position size must be a fraction of full exposure, more than nothing. */
    static void checkSize(String rule, double size) {
        if (!(size > 0 && size <= 1)) {
            throw new IllegalArgumentException(rule + ": size must be in (0, 1], got " + size);
        }
    }
}
