package dev.foresight.data.synthetic;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Simulates Markov regime-switching GARCH(1,1) log returns; plain GARCH is the one-regime case.
 * In state {@code s}:
 * <pre>
 *   r_t = mu_s + e_t,   e_t = sqrt(h_t) z_t,   h_t = omega_s + alpha_s e_{t-1}^2 + beta_s h_{t-1}
 * </pre>
 * with unit-variance Student-t {@code z_t}. The variance recursion carries across a switch (the
 * path-dependent form of Gray / Haas et al. is what a simulator can afford; the state is known).
 * It starts in state 0 at that state's unconditional variance and runs {@link #BURN_IN} steps
 * that are discarded, so neither the start state nor the start variance shows in the output.
 */
final class GarchPath {

    static final int BURN_IN = 500;

    final double[] returns;
    final double[] vol;
    final int[] states;

    private GarchPath(int bars) {
        returns = new double[bars];
        vol = new double[bars];
        states = new int[bars];
    }

    /**
     * @param transition row-stochastic matrix, {@code transition[i][j]} = P(next = j | now = i)
     */
    static GarchPath simulate(double[] mu, double[] omega, double[] alpha, double[] beta, double[][] transition,
                              double nu, int bars, RandomGenerator rng) {
        StudentT shocks = new StudentT(rng, nu);
        GarchPath path = new GarchPath(bars);
        int k = mu.length;
        int s = 0;
        double h = omega[0] / (1 - alpha[0] - beta[0]);
        double previousShock = 0;
        for (int step = 0; step < BURN_IN + bars; step++) {
            if (step > 0) {
                if (k > 1) {
                    s = nextState(transition[s], rng.nextDouble());
                }
                h = omega[s] + alpha[s] * previousShock * previousShock + beta[s] * h;
            }
            double shock = Math.sqrt(h) * shocks.next();
            previousShock = shock;
            int t = step - BURN_IN;
            if (t >= 0) {
                path.returns[t] = mu[s] + shock;
                path.vol[t] = Math.sqrt(h);
                path.states[t] = s;
            }
        }
        return path;
    }

    private static int nextState(double[] row, double u) {
        double cumulative = 0;
        for (int j = 0; j < row.length - 1; j++) {
            cumulative += row[j];
            if (u < cumulative) {
                return j;
            }
        }
        return row.length - 1;
    }
}
