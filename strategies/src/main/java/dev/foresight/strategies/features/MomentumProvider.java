package dev.foresight.strategies.features;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: momentum}. */
public final class MomentumProvider extends SimpleProvider<FeatureSet> {

    public MomentumProvider() {
        super(FeatureSet.class, Momentum.KIND,
                "Momentum: log return over the last L bars, log(p(t)/p(t-L)); columns mom_L",
                List.of(ParameterSpec.integers("lookbacks", List.of(21, 63, 252), 1, 5000,
                                "lookbacks L in bars; the longest is the warm-up"),
                        ParameterSpec.text("symbol", "", "series to read; empty = the primary series, else that symbol's (columns prefixed SYMBOL_)")),
                p -> {
                    List<Integer> l = p.integers("lookbacks");
                    if (l.stream().distinct().count() != l.size()) {
                        throw p.error("lookbacks", "momentum: lookbacks repeat: " + l);
                    }
                    return new Momentum(l, p.text("symbol"));
                });
    }
}
