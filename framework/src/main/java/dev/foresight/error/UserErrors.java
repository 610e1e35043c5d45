package dev.foresight.error;

import java.util.List;

/**
 * Several user mistakes found in one pass (a batch with three typos reports all three). The
 * command line prints each, located, and exits with code 2.
 */
public final class UserErrors extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<UserError> errors;

    public UserErrors(List<UserError> errors) {
        super(errors.size() + " problem(s); the first: " + errors.get(0).getMessage());
        this.errors = List.copyOf(errors);
    }

    public List<UserError> errors() {
        return errors;
    }
}
