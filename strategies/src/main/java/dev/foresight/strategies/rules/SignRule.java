package dev.foresight.strategies.rules;

import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;

/**
 * Position = sign(expected move) × size; no expected move ⇒ flat.
 *
 * @param allowShort when false, an expected fall means flat instead of short
 */
record SignRule(double size, boolean allowShort) implements Strategy {

    SignRule {
        ExpectedMove.checkSize("sign", size);
    }

    @Override
    public double position(StrategyInput input) {
        double move = ExpectedMove.of("sign", input);
        if (move > 0) {
            return size;
        }
        return move < 0 && allowShort ? -size : 0.0;
    }
}
