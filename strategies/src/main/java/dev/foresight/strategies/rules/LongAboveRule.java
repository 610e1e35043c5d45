package dev.foresight.strategies.rules;

import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;

/**
 * Long-only: position = size when the expected move is strictly above the threshold, else flat.
 * A positive threshold demands a margin over costs before trading.
 */
record LongAboveRule(double size, double threshold) implements Strategy {

    LongAboveRule {
        ExpectedMove.checkSize("long-above", size);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("long-above: threshold must be finite, got " + threshold);
        }
    }

    @Override
    public double position(StrategyInput input) {
        return ExpectedMove.of("long-above", input) > threshold ? size : 0.0;
    }
}
