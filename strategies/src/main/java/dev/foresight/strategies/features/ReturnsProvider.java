package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/**
 * {@code kind: returns}. The return type is not called 'kind': a plugin's parameters sit beside
 * its own 'kind:' key in a YAML block, where a second 'kind' could not be written.
 */
public final class ReturnsProvider extends SimpleProvider<FeatureSet> {

    public ReturnsProvider() {
        super(FeatureSet.class, "returns",
                "Lagged one-bar returns of a series' (adjusted) price: columns ret_lag1..ret_lagK, ret_lag1 ending at t",
                List.of(ParameterSpec.integer("lags", 5, 1, 250, "number of lagged returns K; also the warm-up in bars"),
                        ParameterSpec.choice("return_type", "log", ReturnType.CHOICES,
                                "log: log(p(t)/p(t-1)); simple: p(t)/p(t-1) - 1"),
                        ParameterSpec.text("symbol", "",
                                "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> new LaggedReturns(p.integer("lags"), ReturnType.of(p.text("return_type")), p.text("symbol")));
    }
}
