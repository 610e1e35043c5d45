package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;

/** {@code kind: probability}. */
public final class ProbabilityRuleProvider extends SimpleProvider<Strategy> {

    public ProbabilityRuleProvider() {
        super(Strategy.class, "probability",
                "Kelly-style sizing on P(up): (2p − 1) × k, capped at max_leverage, flat while |p − 0.5| ≤ band",
                List.of(ParameterSpec.real("k", 1.0, 1e-6, 100, "multiple of the Kelly fraction 2p − 1 (0.5 = half Kelly)"),
                        ParameterSpec.real("band", 0.0, 0, 0.499999, "no-trade half-width around 0.5, in [0, 0.5)"),
                        Leverage.MAX_LEVERAGE, Leverage.LONG_ONLY),
                p -> new ProbabilityRule(p.real("k"), p.real("band"), Leverage.of(p)));
    }
}
