package dev.foresight.risk;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The distribution assumed for a standardised return {@code z = (r − μ)/σ} (mean 0, variance 1),
 * which turns a mean and variance forecast into a one-day VaR: {@code VaR = −(μ + σ·F⁻¹(1 − level))}.
 * A model with Student-t innovations (GARCH-t) states its own; the rest are read as normal.
 */
public sealed interface ReturnDistribution {

    /** The {@code p} quantile of the standardised return. */
    double quantile(double p);

    /** A short name for results, e.g. {@code normal} or {@code t(5.3)}. */
    String name();

    /** The one-day VaR at {@code level} (a positive loss) of a return with this mean and variance. */
    default double valueAtRisk(double mean, double variance, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a VaR level must be in (0, 1), got " + level);
        }
        if (!(variance >= 0) || !Double.isFinite(mean) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("VaR needs a finite mean and a non-negative variance, got " + mean
                    + " and " + variance);
        }
        return -(mean + Math.sqrt(variance) * quantile(1 - level));
    }

    /** Standard normal. */
    record Normal() implements ReturnDistribution {

        private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

        @Override
        public double quantile(double p) {
            return STANDARD.inverseCumulativeProbability(p);
        }

        @Override
        public String name() {
            return "normal";
        }
    }

    /**
     * Student-t with {@code degreesOfFreedom} ν > 2, scaled to unit variance (fGarch's {@code std}):
     * {@code z = t·√((ν − 2)/ν)}, so its quantile is {@code t_ν⁻¹(p)·√((ν − 2)/ν)}.
     */
    record StandardisedT(double degreesOfFreedom) implements ReturnDistribution {

        public StandardisedT {
            if (!(degreesOfFreedom > 2) || Double.isInfinite(degreesOfFreedom)) {
                throw new IllegalArgumentException("a unit-variance Student-t needs finite degrees of freedom above 2, got "
                        + degreesOfFreedom);
            }
        }

        @Override
        public double quantile(double p) {
            double nu = degreesOfFreedom;
            return new TDistribution(null, nu).inverseCumulativeProbability(p) * Math.sqrt((nu - 2) / nu);
        }

        @Override
        public String name() {
            return "t(" + degreesOfFreedom + ")";
        }
    }
}
