package dev.foresight.pipeline;

import dev.foresight.regime.RegimeDetector;

/** A regime detector with the name its labels are reported under (e.g. {@code volatility}). */
public record NamedRegimeDetector(String name, RegimeDetector detector) {

    public NamedRegimeDetector {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a regime detector needs a name");
        }
        if (name.equals(FoldRunner.TRUE_REGIME)) {
            throw new IllegalArgumentException("'" + FoldRunner.TRUE_REGIME + "' is reserved for the simulator's true regimes");
        }
    }
}
