package dev.foresight.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GbmSourceTest {

    @Test
    void logReturns_haveTheDriftAndVolatilityOfTheParameters() {
        double mu = 0.08;
        double sigma = 0.2;
        double[] r = Stats.logReturns(new GbmSource(mu, sigma).generate("GBM", 100_000, 11));
        int n = r.length;
        double expectedMean = (mu - sigma * sigma / 2) / 252;
        double expectedSd = sigma / Math.sqrt(252);
        // standard errors of the sample mean and sample sd of n i.i.d. normals
        double meanTolerance = 4 * expectedSd / Math.sqrt(n);
        double sdTolerance = 4 * expectedSd / Math.sqrt(2.0 * n);
        assertEquals(expectedMean, Stats.mean(r), meanTolerance);
        assertEquals(expectedSd, Math.sqrt(Stats.variance(r)), sdTolerance);
        assertEquals(0, Stats.excessKurtosis(r), 4 * Math.sqrt(24.0 / n), "GBM returns are normal");
    }

    @Test
    void firstClose_isOneReturnAwayFromTheStartPrice() {
        double close = new GbmSource(0.0, 0.0001, 250, LocalDate.of(2000, 1, 3)).generate("G", 1, 1)
                .value(dev.foresight.data.Column.CLOSE, 0);
        assertEquals(250, close, 0.01);
    }

    @Test
    void gbmSource_rejectsNonPositiveVolatilityAndStartPrice() {
        assertThrows(IllegalArgumentException.class, () -> new GbmSource(0.05, 0));
        assertThrows(IllegalArgumentException.class, () -> new GbmSource(0.05, 0.2, -1, LocalDate.MIN));
        assertThrows(IllegalArgumentException.class, () -> new GbmSource(Double.NaN, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new GbmSource(0.05, 0.2).generate("G", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GbmSource(0.05, 0.2).generate(" ", 10, 1));
    }
}
