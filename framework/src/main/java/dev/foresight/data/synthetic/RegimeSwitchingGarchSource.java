package dev.foresight.data.synthetic;

import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.Well19937c;

/**
 * Markov regime-switching GARCH(1,1): a hidden state follows a Markov chain with the given
 * transition matrix, and in state {@code s} returns follow GARCH(1,1) with that regime's mean
 * and parameters (see {@link GarchSource} for the recursion; the variance carries across a
 * switch), with Student-t shocks of one shared {@code nu}. The chain starts in regime 0 and the
 * first {@value GarchPath#BURN_IN} steps are discarded. The state path is kept in the series as
 * {@link RegimeTruth} for per-regime evaluation.
 *
 * @param regimes    two or more regimes with distinct names
 * @param transition {@code transition.get(i).get(j)} = P(next regime j | regime i); a square
 *                   matrix with one row per regime, entries in [0, 1], rows summing to 1
 * @param nu         Student-t degrees of freedom, > 2
 * @param startPrice price before the first bar, > 0
 * @param start      first date (a weekend rolls to the next Monday)
 */
public record RegimeSwitchingGarchSource(List<Regime> regimes, List<List<Double>> transition, double nu,
                                         double startPrice, LocalDate start) implements SyntheticSource {

    /** Row sums may be off by rounding in a YAML file, but not by more. */
    private static final double ROW_SUM_TOLERANCE = 1e-9;

    /**
     * One regime's daily GARCH(1,1) parameters.
     *
     * @param name  label used in reports ("calm", "crisis")
     * @param mu    daily mean log return
     * @param omega variance intercept, > 0
     * @param alpha >= 0
     * @param beta  >= 0, {@code alpha + beta < 1}
     */
    public record Regime(String name, double mu, double omega, double alpha, double beta) {

        public Regime {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a regime needs a name");
            }
            Checks.garch("regime " + name + ": ", mu, omega, alpha, beta);
        }

        /** {@code omega / (1 − alpha − beta)}: the regime's long-run daily variance. */
        public double unconditionalVariance() {
            return omega / (1 - alpha - beta);
        }
    }

    public RegimeSwitchingGarchSource {
        regimes = List.copyOf(regimes);
        int k = regimes.size();
        if (k < 2) {
            throw new IllegalArgumentException("regime switching needs at least two regimes, got " + k);
        }
        Set<String> names = new HashSet<>();
        for (Regime r : regimes) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two regimes are named '" + r.name() + "'");
            }
        }
        if (transition.size() != k) {
            throw new IllegalArgumentException("the transition matrix needs one row per regime: " + k + " rows, got "
                    + transition.size());
        }
        List<List<Double>> rows = transition.stream().map(List::copyOf).toList();
        for (int i = 0; i < k; i++) {
            List<Double> row = rows.get(i);
            String which = "transition row " + i + " (" + regimes.get(i).name() + ")";
            if (row.size() != k) {
                throw new IllegalArgumentException(which + " needs " + k + " entries, got " + row.size());
            }
            double sum = 0;
            for (double p : row) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException(which + " has entry " + p + "; probabilities lie in [0, 1]");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException(which + " sums to " + sum + "; each row must sum to 1");
            }
        }
        transition = rows;
        Checks.nu(nu);
        Checks.start(startPrice, start);
    }

    /** Starts at 100 on 2000-01-03. */
    public RegimeSwitchingGarchSource(List<Regime> regimes, List<List<Double>> transition, double nu) {
        this(regimes, transition, nu, 100, BusinessDays.DEFAULT_START);
    }

    /**
     * Two regimes. calm: +0.05%/day drift, 0.7%/day long-run volatility, stays 100 days on
     * average; turbulent: −0.1%/day drift, 2.2%/day volatility, stays 50 days; nu 6.
     */
    public static RegimeSwitchingGarchSource calmTurbulent() {
        return new RegimeSwitchingGarchSource(List.of(
                new Regime("calm", 0.0005, 2.45e-6, 0.05, 0.90),
                new Regime("turbulent", -0.001, 2.42e-5, 0.10, 0.85)),
                List.of(List.of(0.99, 0.01), List.of(0.02, 0.98)), 6);
    }

    /**
     * Three regimes. bull: +0.06%/day, 0.8%/day volatility, 200 days on average; bear:
     * −0.04%/day, 1.4%, about 67 days; crisis: −0.2%/day, 3%, 50 days; nu 6.
     */
    public static RegimeSwitchingGarchSource bullBearCrisis() {
        return new RegimeSwitchingGarchSource(List.of(
                new Regime("bull", 0.0006, 3.2e-6, 0.05, 0.90),
                new Regime("bear", -0.0004, 9.8e-6, 0.07, 0.88),
                new Regime("crisis", -0.002, 4.5e-5, 0.10, 0.85)),
                List.of(List.of(0.995, 0.004, 0.001), List.of(0.010, 0.985, 0.005), List.of(0.005, 0.015, 0.980)), 6);
    }

    /** {@code 1 / (1 − P(stay))}: the mean number of days a visit to regime {@code i} lasts. */
    public double expectedDuration(int i) {
        return 1 / (1 - transition.get(i).get(i));
    }

    public List<String> regimeNames() {
        return regimes.stream().map(Regime::name).toList();
    }

    @Override
    public PriceSeries generate(String symbol, int bars, long seed) {
        Checks.request(symbol, bars);
        int k = regimes.size();
        double[] mu = new double[k];
        double[] omega = new double[k];
        double[] alpha = new double[k];
        double[] beta = new double[k];
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            Regime r = regimes.get(i);
            mu[i] = r.mu();
            omega[i] = r.omega();
            alpha[i] = r.alpha();
            beta[i] = r.beta();
            for (int j = 0; j < k; j++) {
                p[i][j] = transition.get(i).get(j);
            }
        }
        Well19937c rng = new Well19937c(seed);
        GarchPath path = GarchPath.simulate(mu, omega, alpha, beta, p, nu, bars, rng);
        return PriceSeries.of(symbol, BusinessDays.from(start, bars),
                BarShape.bars(startPrice, path.returns, path.vol, rng), new RegimeTruth(regimeNames(), path.states));
    }
}
