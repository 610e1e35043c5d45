package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;

/** {@code kind: long-above}. */
public final class LongAboveRuleProvider extends SimpleProvider<Strategy> {

    public LongAboveRuleProvider() {
        super(Strategy.class, "long-above", "Long-only: long size when the expected move is above the threshold, else flat",
                List.of(ParameterSpec.real("size", 1.0, 0, 1, "fraction of full exposure taken, in (0, 1]"),
                        ParameterSpec.real("threshold", 0.0, -Double.MAX_VALUE, Double.MAX_VALUE,
                                "expected move (in the target's directional units) that must be exceeded to go long")),
                p -> new LongAboveRule(Sizes.positive(p), p.real("threshold")));
    }
}
