package dev.foresight.strategies.rules;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.strategy.Strategy;
import java.util.List;

/** {@code kind: long-above}. */
public final class LongAboveRuleProvider implements PluginProvider<Strategy> {

    public LongAboveRuleProvider() {
    }

    @Override
    public Class<Strategy> contract() {
        return Strategy.class;
    }

    @Override
    public String kind() {
        return "long-above";
    }

    @Override
    public String description() {
        return "Long-only: long size when the expected move is above the threshold, else flat";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.real("size", 1.0, 0, 1, "fraction of full exposure taken, in (0, 1]"),
                ParameterSpec.real("threshold", 0.0, -Double.MAX_VALUE, Double.MAX_VALUE,
                        "expected move (in the target's directional units) that must be exceeded to go long"));
    }

    @Override
    public Strategy create(Parameters parameters) {
        return new LongAboveRule(Sizes.positive(parameters), parameters.real("threshold"));
    }
}
