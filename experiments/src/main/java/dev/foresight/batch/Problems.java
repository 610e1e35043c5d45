package dev.foresight.batch;

import dev.foresight.error.UserError;
import dev.foresight.error.UserErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects user errors so one pass over a batch reports all of them, not just the first; each
 * once: a problem under {@code defaults} or the top-level {@code data} is met again in every
 * experiment that inherits it, and is kept only the first time (same place, same message).
 */
public final class Problems {

    private final List<UserError> errors = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    /** Every problem raised, repeats included: whether a part of the batch failed to parse. */
    private int raised;

    /** The value, or {@code fallback} after recording the user error it raised. */
    <T> T attempt(Supplier<T> parse, T fallback) {
        try {
            return parse.get();
        } catch (UserError e) {
            add(e);
            return fallback;
        } catch (UserErrors e) {
            e.errors().forEach(this::add);
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
        raised++;
        if (seen.add(e.location() + "\u0000" + e.getMessage())) {
            errors.add(e);
        }
    }

    List<UserError> list() {
        return List.copyOf(errors);
    }

    /** Problems raised so far, repeats included (compare before and after parsing a part). */
    int count() {
        return raised;
    }

    void throwIfAny() {
        throwIfAny(errors);
    }

    /** The rule, written once: nothing for no problem, the one problem itself, or all of them together. */
    public static void throwIfAny(List<UserError> problems) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new UserErrors(problems);
        }
    }
}
