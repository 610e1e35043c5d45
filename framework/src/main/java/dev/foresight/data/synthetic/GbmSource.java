package dev.foresight.data.synthetic;

import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;

/**
 * Geometric Brownian motion: daily log returns are normal with mean {@code (mu − sigma²/2)/252}
 * and standard deviation {@code sigma/sqrt(252)}, so {@code mu} is the annual expected
 * (arithmetic) return and {@code sigma} the annual volatility. Every bar, the first included,
 * carries one return from the previous close, which is {@code startPrice} before bar 0.
 *
 * @param mu         annualised drift
 * @param sigma      annualised volatility, > 0
 * @param startPrice price before the first bar, > 0
 * @param start      first date (a weekend rolls to the next Monday)
 */
public record GbmSource(double mu, double sigma, double startPrice, LocalDate start) implements SyntheticSource {

    static final int PERIODS_PER_YEAR = 252;

    public GbmSource {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, got " + mu);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be > 0 and finite, got " + sigma);
        }
        Checks.start(startPrice, start);
    }

    /** Starts at 100 on 2000-01-03. */
    public GbmSource(double mu, double sigma) {
        this(mu, sigma, 100, BusinessDays.DEFAULT_START);
    }

    @Override
    public PriceSeries generate(String symbol, int bars, long seed) {
        Checks.request(symbol, bars);
        Well19937c rng = new Well19937c(seed);
        double dailyVol = sigma / Math.sqrt(PERIODS_PER_YEAR);
        double dailyDrift = (mu - sigma * sigma / 2) / PERIODS_PER_YEAR;
        double[] returns = new double[bars];
        for (int t = 0; t < bars; t++) {
            returns[t] = dailyDrift + dailyVol * rng.nextGaussian();
        }
        double[] vol = new double[bars];
        Arrays.fill(vol, dailyVol);
        return PriceSeries.of(symbol, BusinessDays.from(start, bars), BarShape.bars(startPrice, returns, vol, rng), null);
    }
}
