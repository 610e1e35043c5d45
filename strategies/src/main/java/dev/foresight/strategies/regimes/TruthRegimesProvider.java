package dev.foresight.strategies.regimes;

import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/** {@code kind: truth}. */
public final class TruthRegimesProvider extends SimpleProvider<RegimeDetector> {

    public TruthRegimesProvider() {
        super(RegimeDetector.class, "truth",
                "The synthetic source's true regime (evaluation only; fails on data without true regimes)",
                List.of(), p -> new TruthRegimes());
    }
}
