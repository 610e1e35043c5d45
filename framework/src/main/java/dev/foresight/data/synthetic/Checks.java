package dev.foresight.data.synthetic;

import java.time.LocalDate;
import java.util.Objects;

/** Parameter rules shared by the sources; each message states the rule that was broken. */
final class Checks {

    private Checks() {
    }

    static void request(String symbol, int bars) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a synthetic series needs a symbol");
        }
        if (bars < 1) {
            throw new IllegalArgumentException("bars must be >= 1, got " + bars);
        }
    }

    static void start(double startPrice, LocalDate start) {
        if (!(startPrice > 0) || !Double.isFinite(startPrice)) {
            throw new IllegalArgumentException("startPrice must be > 0 and finite, got " + startPrice);
        }
        Objects.requireNonNull(start, "start");
    }

    static void garch(String where, double mu, double omega, double alpha, double beta) {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException(where + "mu must be finite, got " + mu);
        }
        if (!(omega > 0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException(where + "omega must be > 0, got " + omega);
        }
        if (!(alpha >= 0) || !(beta >= 0)) {
            throw new IllegalArgumentException(where + "alpha and beta must be >= 0, got alpha " + alpha + ", beta "
                    + beta);
        }
        if (!(alpha + beta < 1)) {
            throw new IllegalArgumentException(where + "alpha + beta must be < 1 for a stationary GARCH(1,1) with a "
                    + "finite unconditional variance, got " + alpha + " + " + beta + " = " + (alpha + beta));
        }
    }

    static void nu(double nu) {
        if (!(nu > 2)) {
            throw new IllegalArgumentException("nu must be > 2 so that Student-t shocks have a finite variance, got "
                    + nu);
        }
    }
}
