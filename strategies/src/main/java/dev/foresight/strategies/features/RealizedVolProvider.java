package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: realized-vol}. */
public final class RealizedVolProvider extends SimpleProvider<FeatureSet> {

    public RealizedVolProvider() {
        super(FeatureSet.class, RealizedVolatility.KIND,
                "Realised volatility: sample sd of the last W one-bar log returns, per bar (not annualised); columns rv_W",
                List.of(ParameterSpec.integers("windows", List.of(5, 21, 63), 2, 1000,
                                "window lengths W in returns; the longest is the warm-up"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> {
                    List<Integer> w = p.integers("windows");
                    if (w.stream().distinct().count() != w.size()) {
                        throw p.error("windows", "realized-vol: windows repeat: " + w);
                    }
                    return new RealizedVolatility(w, p.text("symbol"));
                });
    }
}
