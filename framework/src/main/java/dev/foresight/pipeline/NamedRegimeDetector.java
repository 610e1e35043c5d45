package dev.foresight.pipeline;

import dev.foresight.error.Location;
import dev.foresight.regime.RegimeDetector;

/**
 * A regime detector with the name its labels are reported under (e.g. {@code volatility}) and
 * where it was configured (for errors about data the detector cannot work on).
 */
public record NamedRegimeDetector(String name, RegimeDetector detector, Location location) {

    public NamedRegimeDetector {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a regime detector needs a name");
        }
        if (location == null) {
            location = Location.of("regime detector '" + name + "'");
        }
    }

    public NamedRegimeDetector(String name, RegimeDetector detector) {
        this(name, detector, null);
    }
}
