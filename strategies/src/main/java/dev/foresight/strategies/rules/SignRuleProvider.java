package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;

/** {@code kind: sign}. */
public final class SignRuleProvider extends SimpleProvider<Strategy> {

    public SignRuleProvider() {
        super(Strategy.class, "sign", "Long size on an expected rise, short size (or flat) on an expected fall, flat on no move",
                List.of(ParameterSpec.real("size", 1.0, 0, 1, "fraction of full exposure taken, in (0, 1]"),
                        ParameterSpec.bool("allow_short", true, "go short on an expected fall; false = stay flat instead")),
                p -> new SignRule(Sizes.positive(p), p.bool("allow_short")));
    }
}
