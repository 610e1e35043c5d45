package dev.foresight.data;

/**
 * Thrown when code reads a bar that is not visible at the current point in time. This is a
 * look-ahead bug in a plugin, never a user's data problem, so it is unchecked.
 */
public final class LookAheadException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public LookAheadException(String what, int requested, int lastVisible) {
        super("look-ahead: read " + what + " at bar " + requested + " but only bars 0.." + lastVisible
                + " are visible at this point in time");
    }

    /** A look-ahead described in full by the reader (which plugin, fold and bar). */
    public LookAheadException(String message) {
        super("look-ahead: " + message);
    }
}
