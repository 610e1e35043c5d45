package dev.foresight.data.synthetic;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Student-t shocks scaled to unit variance: {@code z / sqrt(χ²_ν / ν) × sqrt((ν − 2) / ν)}.
 * Built from a normal and a chi-square draw (Commons Math's Marsaglia–Tsang gamma sampler)
 * rather than by inverting the t distribution function, which is orders of magnitude slower.
 * An infinite ν gives plain standard normal shocks.
 */
final class StudentT {

    private final RandomGenerator rng;
    private final double nu;
    private final GammaDistribution chiSquare;
    private final double unitVariance;

    StudentT(RandomGenerator rng, double nu) {
        Checks.nu(nu);
        this.rng = rng;
        this.nu = nu;
        this.chiSquare = Double.isInfinite(nu) ? null : new GammaDistribution(rng, nu / 2, 2);
        this.unitVariance = Double.isInfinite(nu) ? 1 : Math.sqrt((nu - 2) / nu);
    }

    double next() {
        double z = rng.nextGaussian();
        return chiSquare == null ? z : z / Math.sqrt(chiSquare.sample() / nu) * unitVariance;
    }
}
