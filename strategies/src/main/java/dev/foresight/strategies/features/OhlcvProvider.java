package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: ohlcv}. */
public final class OhlcvProvider extends SimpleProvider<FeatureSet> {

    public OhlcvProvider() {
        super(FeatureSet.class, OhlcvFeatures.KIND,
                "Bar shape: range (H-L)/C, gap log(O/C(t-1)), body (C-O)/O, volume z-score over W bars; needs OHLCV columns",
                List.of(ParameterSpec.integer("volume_window", 20, 2, 1000, "bars in the volume z-score (sample sd)"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> new OhlcvFeatures(p.integer("volume_window"), p.text("symbol")));
    }
}
