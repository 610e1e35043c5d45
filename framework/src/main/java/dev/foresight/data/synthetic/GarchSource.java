package dev.foresight.data.synthetic;

import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import org.apache.commons.math3.random.Well19937c;

/**
 * GARCH(1,1) daily log returns with Student-t shocks:
 * {@code r_t = mu + sqrt(h_t) z_t}, {@code h_t = omega + alpha (r_{t-1} − mu)² + beta h_{t-1}},
 * {@code z_t} a Student-t with {@code nu} degrees of freedom scaled to unit variance. The
 * recursion starts at the unconditional variance {@code omega / (1 − alpha − beta)} and the first
 * {@value GarchPath#BURN_IN} steps are discarded. Parameters are per day, not annualised.
 *
 * @param mu         daily mean log return
 * @param omega      variance intercept, > 0
 * @param alpha      weight of yesterday's squared shock, >= 0
 * @param beta       weight of yesterday's variance, >= 0; {@code alpha + beta < 1}
 * @param nu         Student-t degrees of freedom, > 2 ({@code Double.POSITIVE_INFINITY} for normal shocks)
 * @param startPrice price before the first bar, > 0
 * @param start      first date (a weekend rolls to the next Monday)
 */
public record GarchSource(double mu, double omega, double alpha, double beta, double nu, double startPrice,
                          LocalDate start) implements SyntheticSource {

    public GarchSource {
        Checks.garch("", mu, omega, alpha, beta);
        Checks.nu(nu);
        Checks.start(startPrice, start);
    }

    /** Starts at 100 on 2000-01-03. */
    public GarchSource(double mu, double omega, double alpha, double beta, double nu) {
        this(mu, omega, alpha, beta, nu, 100, BusinessDays.DEFAULT_START);
    }

    /**
     * Equity-like defaults: mu 0.0003, omega 2e-6, alpha 0.08, beta 0.90, nu 6 — an unconditional
     * daily volatility of 1% (about 16% a year) with persistent volatility clusters and fat tails.
     */
    public static GarchSource defaults() {
        return new GarchSource(0.0003, 2e-6, 0.08, 0.90, 6);
    }

    /** {@code omega / (1 − alpha − beta)}: the long-run daily variance of the returns. */
    public double unconditionalVariance() {
        return omega / (1 - alpha - beta);
    }

    @Override
    public PriceSeries generate(String symbol, int bars, long seed) {
        Checks.request(symbol, bars);
        Well19937c rng = new Well19937c(seed);
        GarchPath path = GarchPath.simulate(new double[] {mu}, new double[] {omega}, new double[] {alpha},
                new double[] {beta}, new double[][] {{1}}, nu, bars, rng);
        return PriceSeries.of(symbol, BusinessDays.from(start, bars),
                BarShape.bars(startPrice, path.returns, path.vol, rng), null);
    }
}
