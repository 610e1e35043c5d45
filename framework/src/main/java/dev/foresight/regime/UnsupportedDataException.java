package dev.foresight.regime;

/**
 * Thrown by {@link RegimeDetector#fit} when the data cannot support the detector at all (e.g. the
 * {@code truth} detector on market data, which has no true regimes). It is a configuration
 * mistake, not a fold failure: the fold runner reports it as a user error located at the
 * detector's YAML entry and the batch stops.
 */
public final class UnsupportedDataException extends RuntimeException {

    public UnsupportedDataException(String message) {
        super(message);
    }
}
