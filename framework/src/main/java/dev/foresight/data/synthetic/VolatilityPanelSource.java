package dev.foresight.data.synthetic;

import dev.foresight.data.PriceSeries;
import dev.foresight.data.RegimeTruth;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;

/**
 * A multi-asset panel driven by one stochastic volatility factor, with a volatility index that
 * leads the assets. Every member of the panel — the index ({@code member} 0) and the assets
 * 1..{@code assets} — is generated from the same seeded simulation, so series generated one at a
 * time with the same parameters and seed belong together. Per bar t:
 * <pre>
 *   x_t     = phi x_{t−1} + volOfVol η_t                       (log-volatility factor, η normal)
 *   σ_t     = dailyVol · exp(x_{t−1})                           (each asset's volatility at t: known at t−1)
 *   m_t     = leverage η_t + √(1 − leverage²) T_t               (market shock; the leverage effect)
 *   r_i,t   = mu + lead σ_t η_{t−1} + σ_t (√rho m_t + √(1 − rho) T_i,t)
 *   VIX_t   = 100 √252 dailyVol exp(x_t)                        (annualised % volatility expected for t+1)
 * </pre>
 * T are independent unit-variance Student-t shocks with {@code nu} degrees of freedom. So the
 * assets' unpredictable parts correlate at {@code rho}, the index's level is the assets' next
 * volatility, and its log change today (≈ volOfVol η_t) moves the assets' mean return tomorrow
 * by {@code lead} standard deviations per unit of η: a planted, known signal for a model that
 * reads the index. The true regime of a bar is {@code stressed} when σ_t exceeds 1.5 × dailyVol,
 * else {@code normal}. The first {@value GarchPath#BURN_IN} bars are discarded.
 *
 * @param member     0 for the volatility index, 1..assets for an asset
 * @param assets     number of assets in the panel, >= 1
 * @param mu         daily mean log return of every asset
 * @param dailyVol   median daily volatility of the assets, > 0
 * @param phi        persistence of the log-volatility factor, in [0, 1)
 * @param volOfVol   standard deviation of the factor's daily innovation, >= 0
 * @param rho        correlation of the assets' unpredictable returns, in [0, 1]
 * @param leverage   correlation of the market shock with the factor's innovation, in [−1, 1]
 * @param lead       next-day mean return per unit of today's factor innovation, in volatility units
 * @param nu         Student-t degrees of freedom, > 2
 * @param startPrice every asset's price before its first bar, > 0
 * @param start      first date (a weekend rolls to the next Monday)
 */
public record VolatilityPanelSource(int member, int assets, double mu, double dailyVol, double phi, double volOfVol,
                                    double rho, double leverage, double lead, double nu, double startPrice,
                                    LocalDate start) implements SyntheticSource {

    /** σ_t above this multiple of {@code dailyVol} is the {@code stressed} regime. */
    static final double STRESS_MULTIPLE = 1.5;
    private static final List<String> REGIMES = List.of("normal", "stressed");

    public VolatilityPanelSource {
        if (assets < 1) {
            throw new IllegalArgumentException("assets must be >= 1, got " + assets);
        }
        if (member < 0 || member > assets) {
            throw new IllegalArgumentException("member must be 0 (the volatility index) or an asset 1.." + assets
                    + ", got " + member);
        }
        requireIn("dailyVol", dailyVol, Double.MIN_VALUE, 1);
        requireIn("phi", phi, 0, Math.nextDown(1.0));
        requireIn("volOfVol", volOfVol, 0, 1);
        requireIn("rho", rho, 0, 1);
        requireIn("leverage", leverage, -1, 1);
        requireIn("lead", lead, -1, 1);
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, got " + mu);
        }
        Checks.nu(nu);
        Checks.start(startPrice, start);
    }

    /**
     * Equity-index-like defaults: three assets at 1% median daily volatility correlated at 0.5,
     * factor persistence 0.98 with innovations of 0.1 (the index ranges roughly 6–60), leverage
     * −0.7, a lead of 0.15 standard deviations, t(5) shocks, starting on 2000-01-03.
     */
    public static VolatilityPanelSource defaults(int member) {
        return new VolatilityPanelSource(member, 3, 0.0003, 0.01, 0.98, 0.1, 0.5, -0.7, 0.15, 5, 100,
                BusinessDays.DEFAULT_START);
    }

    private static void requireIn(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
        }
    }

    @Override
    public PriceSeries generate(String symbol, int bars, long seed) {
        Checks.request(symbol, bars);
        Path p = simulate(bars, seed);
        // Each member's OHLCV decoration draws from its own stream, so it cannot shift the panel's path.
        Well19937c decoration = new Well19937c(seed * 31 + member + 1);
        LocalDate[] dates = BusinessDays.from(start, bars);
        RegimeTruth truth = new RegimeTruth(REGIMES, p.regimes);
        if (member == 0) {
            double[] indexVol = new double[bars];
            Arrays.fill(indexVol, Math.max(volOfVol, 1e-4));
            return PriceSeries.of(symbol, dates, BarShape.bars(p.indexStart, p.indexLogChanges, indexVol, decoration),
                    truth);
        }
        return PriceSeries.of(symbol, dates, BarShape.bars(startPrice, p.returns[member - 1], p.vol, decoration), truth);
    }

    private record Path(double[][] returns, double[] vol, double indexStart, double[] indexLogChanges, int[] regimes) {
    }

    /** The whole panel; draws in a fixed order per bar so every member sees the same path. */
    private Path simulate(int bars, long seed) {
        Well19937c rng = new Well19937c(seed);
        StudentT t = new StudentT(rng, nu);
        double[][] returns = new double[assets][bars];
        double[] vol = new double[bars];
        double[] indexLogChanges = new double[bars];
        int[] regimes = new int[bars];
        double indexScale = 100 * Math.sqrt(252) * dailyVol;
        double x = 0;
        double previousEta = 0;
        double indexStart = indexScale;
        double sqrtRho = Math.sqrt(rho);
        double sqrtIdio = Math.sqrt(1 - rho);
        double sqrtLev = Math.sqrt(1 - leverage * leverage);
        for (int step = 0; step < GarchPath.BURN_IN + bars; step++) {
            double sigma = dailyVol * Math.exp(x);
            double eta = rng.nextGaussian();
            double market = leverage * eta + sqrtLev * t.next();
            double previousX = x;
            x = phi * x + volOfVol * eta;
            int bar = step - GarchPath.BURN_IN;
            for (int i = 0; i < assets; i++) {
                double r = mu + lead * sigma * previousEta + sigma * (sqrtRho * market + sqrtIdio * t.next());
                if (bar >= 0) {
                    returns[i][bar] = r;
                }
            }
            if (bar == 0) {
                indexStart = indexScale * Math.exp(previousX);
            }
            if (bar >= 0) {
                vol[bar] = sigma;
                indexLogChanges[bar] = x - previousX;
                regimes[bar] = sigma > STRESS_MULTIPLE * dailyVol ? 1 : 0;
            }
            previousEta = eta;
        }
        return new Path(returns, vol, indexStart, indexLogChanges, regimes);
    }
}
