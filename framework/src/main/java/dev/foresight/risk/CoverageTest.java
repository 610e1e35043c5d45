package dev.foresight.risk;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A likelihood-ratio statistic with its chi-square degrees of freedom and upper-tail p-value
 * (small p: the VaR forecasts are rejected).
 */
public record CoverageTest(double statistic, int degreesOfFreedom, double pValue) {

    public CoverageTest {
        if (!(statistic >= 0)) {
            throw new IllegalArgumentException("a likelihood ratio is at least 0, got " + statistic);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value " + pValue);
        }
    }

    static CoverageTest chiSquare(double statistic, int degreesOfFreedom) {
        // Rounding can leave a mathematically zero LR a hair below 0.
        double lr = Math.max(0, statistic);
        double p = lr == 0 ? 1 : new ChiSquaredDistribution(null, degreesOfFreedom).cumulativeProbability(lr);
        return new CoverageTest(lr, degreesOfFreedom, lr == 0 ? 1 : Math.max(0, Math.min(1, 1 - p)));
    }
}
