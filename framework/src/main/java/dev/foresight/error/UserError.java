package dev.foresight.error;

/**
 * The one exception type for a user's mistake (a bad CSV, YAML, parameter or command line):
 * it names where the problem is and what rule was broken, and the command line prints it
 * without a stack trace and exits with code 2. Programmer errors stay ordinary runtime exceptions.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Location location;

    public UserError(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public UserError(Location location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
