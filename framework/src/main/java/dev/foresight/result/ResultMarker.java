package dev.foresight.result;

/**
 * The content of {@code foresight-result.json}, the marker Foresight writes into every directory
 * it creates for results: the layout version, the Foresight that made it, and when. Nothing is
 * deleted or overwritten in a directory without it, so a mistyped {@code --out} cannot cost anyone
 * their files; a directory of a newer {@code format} is refused rather than half understood.
 *
 * @param created an ISO-8601 instant
 */
public record ResultMarker(int format, String createdBy, String created) {

    /** The marker's file name, at the root of a result directory. */
    public static final String FILE = "foresight-result.json";

    /** The result directory layout this code writes; a newer one is refused. */
    public static final int FORMAT = 1;

    public ResultMarker {
        if (format < 1) {
            throw new IllegalArgumentException("format must be >= 1, got " + format);
        }
    }
}
