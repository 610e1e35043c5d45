package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: macd}. */
public final class MacdProvider extends SimpleProvider<FeatureSet> {

    public MacdProvider() {
        super(FeatureSet.class, Macd.KIND,
                "MACD line EMA_fast - EMA_slow, signal EMA of the line, histogram line - signal (EMAs seeded with an SMA); columns macd, macd_signal, macd_hist",
                List.of(ParameterSpec.integer("fast", 12, 1, 1000, "fast EMA period"),
                        ParameterSpec.integer("slow", 26, 2, 1000, "slow EMA period (> fast)"),
                        ParameterSpec.integer("signal", 9, 1, 1000, "signal EMA period, over the MACD line"),
                        ParameterSpec.bool("relative", false,
                                "divide the line by the slow EMA (scale-free across price levels and assets)"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> {
                    if (p.integer("slow") <= p.integer("fast")) {
                        throw p.error("slow", "macd: slow (" + p.integer("slow") + ") must be longer than fast ("
                                + p.integer("fast") + ")");
                    }
                    return new Macd(p.integer("fast"), p.integer("slow"), p.integer("signal"), p.bool("relative"),
                            p.text("symbol"));
                });
    }
}
