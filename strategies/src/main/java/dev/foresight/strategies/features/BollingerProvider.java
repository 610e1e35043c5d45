package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: bollinger}. */
public final class BollingerProvider extends SimpleProvider<FeatureSet> {

    public BollingerProvider() {
        super(FeatureSet.class, Bollinger.KIND,
                "Bollinger bands SMA_n +/- k*sd (population sd) as %B = (p - lower)/(upper - lower) and bandwidth = (upper - lower)/middle",
                List.of(ParameterSpec.integer("window", 20, 2, 1000, "bars in the moving average and standard deviation"),
                        ParameterSpec.real("k", 2.0, 0.01, 10, "band half-width in standard deviations"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> new Bollinger(p.integer("window"), p.real("k"), p.text("symbol")));
    }
}
