package dev.foresight.batch;

import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects user errors so one pass over a batch reports all of them, not just the first. */
final class Problems {

    private final List<UserError> errors = new ArrayList<>();

    /** The value, or {@code fallback} after recording the user error it raised. */
    <T> T attempt(Supplier<T> parse, T fallback) {
        try {
            return parse.get();
        } catch (UserError e) {
            errors.add(e);
            return fallback;
        } catch (UserErrors e) {
            errors.addAll(e.errors());
            return fallback;
        }
    }

    void attempt(Runnable check) {
        attempt(() -> {
            check.run();
            return null;
        }, null);
    }

    void add(UserError e) {
        errors.add(e);
    }

    List<UserError> list() {
        return List.copyOf(errors);
    }

    int count() {
        return errors.size();
    }

    void throwIfAny() {
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            throw new UserErrors(errors);
        }
    }
}
