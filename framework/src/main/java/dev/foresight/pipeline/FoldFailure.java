package dev.foresight.pipeline;

/**
 * A fold that could not produce forecasts (singular fit, NaN loss, non-finite forecast): the
 * message names the fold and the reason. The batch records it as a value and goes on.
 */
public final class FoldFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FoldFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public FoldFailure(String message) {
        super(message);
    }
}
