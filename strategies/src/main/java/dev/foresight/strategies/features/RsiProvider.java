package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: rsi}. */
public final class RsiProvider extends SimpleProvider<FeatureSet> {

    public RsiProvider() {
        super(FeatureSet.class, Rsi.KIND,
                "Wilder's RSI in [0, 100]: first averages = simple mean of the first N gains/losses, then (avg*(N-1)+x)/N; column rsi_N",
                List.of(ParameterSpec.integer("period", 14, 2, 1000, "smoothing period N; also the warm-up in bars"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> new Rsi(p.integer("period"), p.text("symbol")));
    }
}
