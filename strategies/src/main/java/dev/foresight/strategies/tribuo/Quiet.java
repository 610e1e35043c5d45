package dev.foresight.strategies.tribuo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo logs through java.util.logging at INFO on every fit (elastic net's duality gap, SGD's
 * running loss), which would interleave with the progress output of a batch. Its loggers are
 * raised to WARNING once; the logger is kept in a static field because java.util.logging holds
 * loggers weakly and would forget the level.
 */
final class Quiet {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    private Quiet() {
    }

    /** Call before training; the first call sets the level. */
    static void tribuo() {
        // the static initialiser did the work
    }
}
