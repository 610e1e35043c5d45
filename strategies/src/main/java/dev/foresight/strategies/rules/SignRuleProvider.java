package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;

/** {@code kind: sign}. */
public final class SignRuleProvider implements PluginProvider<Strategy> {

    public SignRuleProvider() {
    }

    @Override
    public Class<Strategy> contract() {
        return Strategy.class;
    }

    @Override
    public String kind() {
        return "sign";
    }

    @Override
    public String description() {
        return "Long size on an expected rise, short size (or flat) on an expected fall, flat on no move";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.real("size", 1.0, 0, 1, "fraction of full exposure taken, in (0, 1]"),
                ParameterSpec.bool("allow_short", true, "go short on an expected fall; false = stay flat instead"));
    }

    @Override
    public Strategy create(Parameters parameters) {
        return new SignRule(Sizes.positive(parameters), parameters.bool("allow_short"));
    }
}
