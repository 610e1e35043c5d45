package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GarchSourceTest {

    @Test
    void sampleVariance_matchesTheUnconditionalVariance() {
        GarchSource garch = new GarchSource(0.0002, 5e-6, 0.05, 0.90, 8);
        double[] r = Stats.logReturns(garch.generate("G", 200_000, 21));
        double[] squares = Stats.squaredDeviations(r);
        double se = Stats.batchMeansStandardError(squares, 100);
        assertTrue(se < 0.05 * garch.unconditionalVariance(), "the test has power: se " + se);
        assertEquals(garch.unconditionalVariance(), Stats.mean(squares), 5 * se);
        assertEquals(0.0002, Stats.mean(r), 5 * Math.sqrt(garch.unconditionalVariance() / r.length));
    }

    @Test
    void squaredReturns_arePositivelyAutocorrelated() {
        double[] r = Stats.logReturns(new GarchSource(0, 5e-6, 0.05, 0.90, 8).generate("G", 200_000, 22));
        double acf = Stats.autocorrelation(Stats.squaredDeviations(r), 1);
        // under no clustering the lag-1 autocorrelation would be within about 2/sqrt(n) of 0
        assertTrue(acf > 5 / Math.sqrt(r.length) && acf > 0.03, "lag-1 autocorrelation of r^2 = " + acf);
    }

    @Test
    void studentShocks_haveUnitVarianceAndFatTails() {
        // alpha = beta = 0: returns are omega^(1/2) times i.i.d. standardised t(10) draws
        double[] r = Stats.logReturns(new GarchSource(0, 1e-4, 0, 0, 10).generate("T", 100_000, 23));
        double kurtosis = 3 + 6.0 / (10 - 4); // of a t(10)
        double se = 1e-4 * Math.sqrt((kurtosis - 1) / r.length);
        assertEquals(1e-4, Stats.variance(r), 5 * se, "shocks are scaled to unit variance");
        assertTrue(Stats.excessKurtosis(r) > 0.5, "excess kurtosis " + Stats.excessKurtosis(r));
    }

    @Test
    void infiniteNu_givesNormalShocks() {
        double[] r = Stats.logReturns(new GarchSource(0, 1e-4, 0, 0, Double.POSITIVE_INFINITY)
                .generate("N", 100_000, 24));
        assertEquals(0, Stats.excessKurtosis(r), 5 * Math.sqrt(24.0 / r.length));
        assertEquals(1e-4, Stats.variance(r), 5 * 1e-4 * Math.sqrt(2.0 / r.length));
    }

    @Test
    void garchSource_rejectsNuAtOrBelowTwoStatingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GarchSource(0, 1e-6, 0.05, 0.9, 2));
        assertTrue(e.getMessage().contains("nu must be > 2"), e.getMessage());
    }

    @Test
    void garchSource_rejectsNonStationaryParametersStatingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GarchSource(0, 1e-6, 0.1, 0.9, 6));
        assertTrue(e.getMessage().contains("alpha + beta must be < 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GarchSource(0, 0, 0.1, 0.8, 6));
        assertThrows(IllegalArgumentException.class, () -> new GarchSource(0, 1e-6, -0.1, 0.8, 6));
    }
}
