package dev.foresight.strategies.rules;

import dev.foresight.plugin.Parameters;

/**
 * The {@code size} parameter's lower bound is open: the spec's range check is inclusive and
 * admits 0, so a zero size (a rule that never trades) is caught here as a located user error.
 */
final class Sizes {

    private Sizes() {
    }

    static double positive(Parameters parameters) {
        double size = parameters.real("size");
        if (!(size > 0)) {
            throw parameters.error("size", "size must be in (0, 1]: a size of 0 never trades, got " + size);
        }
        return size;
    }
}
