package dev.foresight.strategies.garch;

import java.util.Objects;

/**
 * How the optimisation ended. {@code converged} means the Newton decrement
 * {@code g'(−H)⁻¹g} (twice the log-likelihood gain a further Newton step would promise) fell below
 * {@value GarchEstimator#DECREMENT_TOLERANCE} with a negative-definite Hessian: a strict interior
 * maximum. An optimum on the boundary (α = 0, persistence → 1) does not satisfy it and is reported
 * as not converged rather than passed off as a regular estimate.
 *
 * @param startsTried starting points tried (the next is tried only when the previous failed)
 * @param evaluations likelihood evaluations in all
 * @param decrement   the final Newton decrement (NaN when the Hessian was not negative definite)
 */
public record Convergence(boolean converged, int startsTried, int evaluations, double decrement, String message) {

    public Convergence {
        Objects.requireNonNull(message, "message");
        if (startsTried < 1 || evaluations < 0) {
            throw new IllegalArgumentException("startsTried ≥ 1 and evaluations ≥ 0");
        }
    }
}
