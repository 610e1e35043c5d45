package dev.foresight.strategies.garch;

import java.util.Objects;

/**
 * How the optimisation ended. {@code converged} means the Newton decrement
 * {@code g'(−H)⁻¹g} (twice the log-likelihood gain a further Newton step would promise) fell below
 * {@value GarchEstimator#DECREMENT_TOLERANCE} with a negative-definite Hessian: a strict interior
 * maximum. An optimum on the boundary (α = 0, persistence → 1) does not satisfy it and is reported
 * as not converged rather than passed off as a regular estimate.
 *
 * <p>An optimum on the boundary is handled separately: the saturated parameters are held where
 * the optimiser left them (within ~1e-5 of the boundary) and Newton's method runs on the others;
 * when that converges the fit is reported as {@code converged} and {@code onBoundary}, with the
 * boundary named in {@code message}. Standard errors then describe the interior parameters only
 * approximately.
 *
 * @param onBoundary  the maximum lies on the boundary of the admissible region (named in the message)
 * @param startsTried starting points tried (the next is tried only when the previous failed)
 * @param evaluations likelihood evaluations in all
 * @param decrement   the final Newton decrement (NaN when the Hessian was not negative definite)
 */
public record Convergence(boolean converged, boolean onBoundary, int startsTried, int evaluations, double decrement,
                          String message) {

    public Convergence {
        Objects.requireNonNull(message, "message");
        if (startsTried < 1 || evaluations < 0) {
            throw new IllegalArgumentException("startsTried ≥ 1 and evaluations ≥ 0");
        }
    }
}
