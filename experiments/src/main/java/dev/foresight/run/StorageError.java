package dev.foresight.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file system refused a result file: a full disk, a read-only or foreign-owned directory, a
 * quota. Not a bug and not the batch's fault, so it has its own exit code and a message naming
 * the path and the system's reason (what {@code errno} says), and what a rerun will do.
 */
public final class StorageError extends RuntimeException {

    private final String path;
    private final String reason;

    public StorageError(String path, String reason, Throwable cause) {
        super("cannot write " + path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** From an I/O failure on {@code path} (the exception's own file, when it names one, wins). */
    public static StorageError of(Path path, IOException e) {
        if (e instanceof FileSystemException fse) {
            String file = fse.getFile() != null ? fse.getFile() : path.toString();
            String reason = fse.getReason() != null ? fse.getReason() : reason(fse);
            return new StorageError(file, reason, e);
        }
        return new StorageError(path.toString(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    /** What the system said, in its words, when Java's exception carries only its class. */
    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return e.getClass().getSimpleName();
    }

    /**
     * The storage error behind {@code t}, if any: a {@code StorageError} itself, or an I/O failure
     * from writing a result file ({@link dev.foresight.result.AtomicFiles} says "cannot write PATH:
     * REASON").
     */
    public static StorageError from(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StorageError s) {
                return s;
            }
            if (c instanceof UncheckedIOException u && u.getCause() != null) {
                String m = u.getMessage();
                if (m != null && m.startsWith("cannot write ")) {
                    int colon = m.indexOf(": ", "cannot write ".length());
                    String file = colon > 0 ? m.substring("cannot write ".length(), colon) : m;
                    String reason = colon > 0 ? m.substring(colon + 2) : String.valueOf(u.getCause().getMessage());
                    if (u.getCause() instanceof FileSystemException fse) {
                        // its message is only the file's name when the system gave no reason text
                        reason = fse.getReason() != null ? fse.getReason() : reason(fse);
                    }
                    return new StorageError(file, reason, u);
                }
            }
        }
        return null;
    }
}
