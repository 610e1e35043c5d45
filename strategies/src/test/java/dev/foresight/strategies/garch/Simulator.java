package dev.foresight.strategies.garch;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulates the models exactly as {@link GarchSpec} defines them (written independently of the
 * likelihood code), with a burn-in so the start is drawn from near the stationary distribution.
 */
final class Simulator {

    private Simulator() {
    }

    /** @param theta natural parameters in {@link GarchSpec#parameterNames()} order */
    static double[] simulate(GarchSpec spec, double[] theta, int n, long seed) {
        Layout l = new Layout(spec);
        RandomGenerator rng = new Well19937c(seed);
        double nu = l.nu >= 0 ? theta[l.nu] : Double.POSITIVE_INFINITY;
        GammaDistribution chi = Double.isFinite(nu) ? new GammaDistribution(rng, nu / 2, 2) : null;
        double mu = l.mu >= 0 ? theta[l.mu] : 0;
        double phi = l.ar1 >= 0 ? theta[l.ar1] : 0;
        double omega = theta[l.omega];
        double alpha = theta[l.alpha];
        double gamma = l.gamma >= 0 ? theta[l.gamma] : 0;
        double beta = theta[l.beta];
        double meanAbs = Double.isFinite(nu)
                ? 2 * Math.sqrt(nu - 2) / (nu - 1) * Math.exp(org.apache.commons.math3.special.Gamma.logGamma((nu + 1) / 2)
                        - org.apache.commons.math3.special.Gamma.logGamma(nu / 2)) / Math.sqrt(Math.PI)
                : Math.sqrt(2 / Math.PI);
        int burn = 2000;
        double[] out = new double[n];
        double s2 = spec.variance() == VarianceModel.EGARCH ? Math.exp(omega / (1 - beta)) : omega / (1 - alpha - gamma / 2 - beta);
        double previousReturn = mu / (1 - phi);
        for (int t = -burn; t < n; t++) {
            double z = rng.nextGaussian();
            if (chi != null) {
                z = z / Math.sqrt(chi.sample() / nu) * Math.sqrt((nu - 2) / nu);
            }
            double e = Math.sqrt(s2) * z;
            double r = mu + phi * previousReturn + e;
            if (t >= 0) {
                out[t] = r;
            }
            previousReturn = r;
            s2 = switch (spec.variance()) {
                case GARCH -> omega + alpha * e * e + beta * s2;
                case GJR -> omega + (alpha + (e < 0 ? gamma : 0)) * e * e + beta * s2;
                case EGARCH -> Math.exp(omega + alpha * (Math.abs(z) - meanAbs) + gamma * z + beta * Math.log(s2));
            };
        }
        return out;
    }
}
