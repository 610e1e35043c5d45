package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;

/** {@code kind: returns}. */
public final class ReturnsProvider implements PluginProvider<FeatureSet> {

    public ReturnsProvider() {
    }

    @Override
    public Class<FeatureSet> contract() {
        return FeatureSet.class;
    }

    @Override
    public String kind() {
        return "returns";
    }

    @Override
    public String description() {
        return "Lagged one-bar returns of a series' (adjusted) price: columns ret_lag1..ret_lagK, ret_lag1 ending at t";
    }

    /*
     * The return type is not called 'kind': a plugin's parameters may sit beside its own 'kind:'
     * key in a YAML block, where a second 'kind' could not be written.
     */
    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("lags", 5, 1, 250, "number of lagged returns K; also the warm-up in bars"),
                ParameterSpec.choice("return_type", "log", ReturnType.CHOICES,
                        "log: log(p(t)/p(t-1)); simple: p(t)/p(t-1) - 1"),
                ParameterSpec.text("symbol", "",
                        "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)"));
    }

    @Override
    public FeatureSet create(Parameters parameters) {
        return new LaggedReturns(parameters.integer("lags"), ReturnType.of(parameters.text("return_type")),
                parameters.text("symbol"));
    }
}
