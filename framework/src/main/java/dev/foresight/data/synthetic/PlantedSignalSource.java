package dev.foresight.data.synthetic;

import dev.foresight.data.PriceSeries;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.random.Well19937c;

/**
 * Daily log returns with a planted, known signal: the benchmark against which a forecasting model
 * is checked to recover what is there (and a linear model shown unable to, where that is the point).
 * With standard-normal shocks {@code z_t} and the daily volatility {@code s}:
 * <ul>
 *   <li>{@link Signal#AR1}: {@code r_t = φ r_{t-1} + s z_t} — a linear signal, the best forecast
 *       is {@code φ r_{t-1}} with MSE {@code s²} against the random walk's {@code s²/(1−φ²)};
 *   <li>{@link Signal#PRODUCT}: {@code r_t = s (z_t + a z_{t-1} z_{t-2})} — a bilinear signal:
 *       uncorrelated with every lag, so invisible to a model linear in past returns, yet it explains
 *       a share {@code strength} of the variance;
 *   <li>{@link Signal#THRESHOLD}: {@code r_t = s (z_t + a (1{|z_{t-1}| > 1} − P(|z| > 1)))} — after a
 *       large shock either way the next return is higher: even in the shock, so again uncorrelated
 *       with the lags;
 *   <li>{@link Signal#LEVERAGE}: a GJR-GARCH(1,1) volatility, {@code h_t = ω + (α + γ 1{e_{t-1}<0})
 *       e²_{t-1} + β h_{t-1}}, {@code r_t = sqrt(h_t) z_t}: the leverage effect (a fall raises the
 *       next variance more than a rise of the same size); {@code strength} is γ, the mean return 0.
 * </ul>
 * PRODUCT and THRESHOLD are driven by past shocks, not past returns: a feature of past returns
 * feeds the signal back into itself and, at useful strengths, explodes (tried: the product of
 * clipped returns ran away within 10⁵ bars). Driven by shocks they are stationary at any strength,
 * their mean is 0 and the share is exact: the amplitude {@code a} solves
 * {@code a² Var(f) / (a² Var(f) + 1) = strength} ({@code Var(f)} = 1 for the product of two
 * independent standard normals, {@code p(1 − p)} for the threshold indicator). A model sees only
 * returns, from which the shocks are recovered recursively ({@code z_{t-1} = r_{t-1}/s − a f_{t-1}}):
 * a job for a recurrent network, not for a linear one.
 *
 * @param signal     which signal is planted
 * @param strength   AR1: φ in (−1, 1); PRODUCT, THRESHOLD: the signal's share of the variance in
 *                   [0, 0.9]; LEVERAGE: γ ≥ 0 with α + γ/2 + β &lt; 1
 * @param dailyVol   {@code s}: the daily standard deviation of the shocks (AR1, PRODUCT, THRESHOLD);
 *                   for LEVERAGE the unconditional daily volatility, from which ω follows
 * @param startPrice the price before the first bar
 * @param start      first date
 */
public record PlantedSignalSource(Signal signal, double strength, double dailyVol, double startPrice, LocalDate start)
        implements SyntheticSource {

    /** GJR-GARCH's α and β in the LEVERAGE signal: a typical equity index fit has α small, γ large. */
    public static final double LEVERAGE_ALPHA = 0.02;
    public static final double LEVERAGE_BETA = 0.88;
    /** Discarded steps so the start values do not show. */
    static final int BURN_IN = 500;

    /** The signals a {@link PlantedSignalSource} can plant. */
    public enum Signal {
        AR1, PRODUCT, THRESHOLD, LEVERAGE;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PlantedSignalSource {
        Objects.requireNonNull(signal, "signal");
        if (!(dailyVol > 0) || !Double.isFinite(dailyVol)) {
            throw new IllegalArgumentException("daily_vol must be > 0 and finite, got " + dailyVol);
        }
        switch (signal) {
            case AR1 -> {
                if (!(Math.abs(strength) < 1)) {
                    throw new IllegalArgumentException("phi must be in (-1, 1) for a stationary AR(1), got " + strength);
                }
            }
            case PRODUCT, THRESHOLD -> {
                if (!(strength >= 0 && strength <= 0.9)) {
                    throw new IllegalArgumentException("the signal's share of the variance must be in [0, 0.9], got "
                            + strength);
                }
            }
            case LEVERAGE -> {
                if (!(strength >= 0) || !(LEVERAGE_ALPHA + strength / 2 + LEVERAGE_BETA < 1)) {
                    throw new IllegalArgumentException("gamma must be >= 0 with alpha + gamma/2 + beta < 1 (alpha "
                            + LEVERAGE_ALPHA + ", beta " + LEVERAGE_BETA + ") for a finite variance, got " + strength);
                }
            }
        }
        Checks.start(startPrice, start);
    }

    /** Amplitude {@code a} of the PRODUCT or THRESHOLD feature for the planted variance share. */
    double amplitude() {
        double featureVariance = switch (signal) {
            case PRODUCT -> 1; // E[(z1 z2)²] = 1 for independent standard normals
            case THRESHOLD -> OUTSIDE_ONE_SD * (1 - OUTSIDE_ONE_SD); // Bernoulli(P(|z| > 1))
            default -> 1;
        };
        return Math.sqrt(strength / (1 - strength) / featureVariance);
    }

    /** P(|z| > 1) for a standard normal. */
    static final double OUTSIDE_ONE_SD = 0.31731050786291415;

    @Override
    public PriceSeries generate(String symbol, int bars, long seed) {
        Checks.request(symbol, bars);
        Well19937c rng = new Well19937c(seed);
        double[] returns = new double[bars];
        double[] vol = new double[bars];
        double s = dailyVol;
        double a = signal == Signal.PRODUCT || signal == Signal.THRESHOLD ? amplitude() : 0;
        double omega = (1 - LEVERAGE_ALPHA - strength / 2 - LEVERAGE_BETA) * s * s;
        double h = s * s;
        double r1 = 0;
        double z1 = 0;
        double z2 = 0;
        for (int step = 0; step < BURN_IN + bars; step++) {
            double z = rng.nextGaussian();
            double r;
            double sd = s;
            switch (signal) {
                case AR1 -> r = strength * r1 + s * z;
                case PRODUCT -> r = s * (z + a * z1 * z2);
                case THRESHOLD -> r = s * (z + a * ((Math.abs(z1) > 1 ? 1 : 0) - OUTSIDE_ONE_SD));
                default -> {
                    if (step > 0) {
                        double leverage = r1 < 0 ? strength : 0;
                        h = omega + (LEVERAGE_ALPHA + leverage) * r1 * r1 + LEVERAGE_BETA * h;
                    }
                    sd = Math.sqrt(h);
                    r = sd * z;
                }
            }
            z2 = z1;
            z1 = z;
            r1 = r;
            int t = step - BURN_IN;
            if (t >= 0) {
                returns[t] = r;
                vol[t] = sd;
            }
        }
        return PriceSeries.of(symbol, BusinessDays.from(start, bars), BarShape.bars(startPrice, returns, vol, rng), null);
    }
}
