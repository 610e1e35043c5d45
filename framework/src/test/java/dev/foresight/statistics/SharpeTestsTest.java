package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ReturnMoments}, {@link ProbabilisticSharpe} and {@link DeflatedSharpe}. */
class SharpeTestsTest {

    /*
     * Bailey & López de Prado, "The Deflated Sharpe Ratio" (JPM 40(5), 2014), numerical example:
     * N = 100 trials, V[SR_n] = 1/2 annualised, T = 1,250 daily returns (250 a year), an annualised
     * Sharpe ratio of 2.5, skewness −3, kurtosis 10. The paper reports SR0 ≈ 0.1132 (daily) and
     * DSR ≈ 0.9004. (scipy: SR0 = 0.11317200186513214, DSR = 0.9003968344493903.)
     */
    @Test
    void deflatedSharpe_reproducesBaileyLopezDePradoExample() {
        double sr0 = DeflatedSharpe.expectedMaximum(100, 0.5 / 250);
        assertEquals(0.1132, sr0, 5e-5);
        assertEquals(0.11317200186513214, sr0, 1e-12);
        double dsr = ProbabilisticSharpe.psr(2.5 / Math.sqrt(250), sr0, 1250, -3, 10);
        assertEquals(0.9004, dsr, 5e-5);
        assertEquals(0.9003968344493903, dsr, 1e-10);
    }

    /*
     * By hand: SR = 0.1 per period, n = 60, skew −0.5, RAW kurtosis 5, benchmark 0:
     * z = 0.1·√59 / √(1 + 0.05 + (5 − 1)/4·0.01) = 0.768115/1.044031 = 0.746059; Φ(z) = 0.772184.
     * Had excess kurtosis (2) been passed as raw, z would be 0.748712 and PSR 0.772985 — a
     * different number, which is why the moments below pin raw kurtosis.
     */
    @Test
    void psr_usesRawKurtosis() {
        assertEquals(0.7721840602342662, ProbabilisticSharpe.psr(0.1, 0, 60, -0.5, 5), 1e-12);
        assertEquals(0.7729846783167741, ProbabilisticSharpe.psr(0.1, 0, 60, -0.5, 2), 1e-12);
    }

    /** Normal returns: the PSR denominator is Lo's (2002) √(1 + SR²/2). */
    @Test
    void psr_normalReturns_reduceToLo() {
        double sr = 0.08;
        double z = sr * Math.sqrt(499) / Math.sqrt(1 + sr * sr / 2);
        assertEquals(ProbabilisticSharpe.NORMAL.cumulativeProbability(z), ProbabilisticSharpe.psr(sr, 0, 500, 0, 3), 1e-14);
        assertEquals(0.5, ProbabilisticSharpe.psr(sr, sr, 500, 0, 3), 1e-15);
    }

    /*
     * By hand: r = 0.01, −0.02, 0.03, −0.01, 0.04; mean 0.01; deviations 0, −0.03, 0.02, −0.02, 0.03
     * m2 = (0 + 9 + 4 + 4 + 9)e−4/5 = 5.2e−4; m3 = (0 − 27 + 8 − 8 + 27)e−6/5 = 0;
     * m4 = (0 + 81 + 16 + 16 + 81)e−8/5 = 3.88e−7; kurtosis = 3.88e−7/(5.2e−4)² = 1.434911…;
     * sample sd = √(26e−4/4) = 0.0254951; SR = 0.392232.
     */
    @Test
    void moments_matchHandComputation() {
        var m = ReturnMoments.of(new double[] {0.01, -0.02, 0.03, -0.01, 0.04}, 0);
        assertEquals(0.01, m.mean(), 1e-16);
        assertEquals(Math.sqrt(26e-4 / 4), m.sd(), 1e-15);
        assertEquals(0.01 / Math.sqrt(26e-4 / 4), m.sharpe(), 1e-12);
        assertEquals(0, m.skewness(), 1e-12);
        assertEquals(3.88e-7 / (5.2e-4 * 5.2e-4), m.kurtosis(), 1e-9);
    }

    @Test
    void moments_ofNormalReturns_haveRawKurtosisNearThree() {
        SplittableRandom random = new SplittableRandom(5);
        double[] r = new double[200_000];
        for (int t = 0; t < r.length; t++) {
            r[t] = 0.01 * DieboldMarianoTest.gaussian(random);
        }
        var m = ReturnMoments.of(r, 0);
        assertEquals(3, m.kurtosis(), 0.05);
        assertEquals(0, m.skewness(), 0.02);
    }

    @Test
    void oneTrial_isNotDeflated() {
        var m = ReturnMoments.of(new double[] {0.01, -0.02, 0.03, -0.01, 0.04}, 0);
        assertEquals(ProbabilisticSharpe.of(m, 0), DeflatedSharpe.of(m, 1, 0.3), 0);
        assertTrue(DeflatedSharpe.of(m, 50, 0.01) < ProbabilisticSharpe.of(m, 0));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaximum(0, 1));
    }

    /**
     * DSR with the trial count stated: the variance is the sample variance of the trials' Sharpe ratios
     * (hand: ratios 0.01, 0.03, 0.05 → mean 0.03, V = (0.0004 + 0 + 0.0004)/2 = 0.0004), SR0 the expected
     * maximum of 3 trials, and NaN ratios (constant returns) are not trials.
     */
    @Test
    void deflate_statesItsTrialsAndUsesTheirSampleVariance() {
        double[] r = new double[500];
        SplittableRandom random = new SplittableRandom(8);
        for (int t = 0; t < r.length; t++) {
            r[t] = 0.0005 + 0.01 * ModelConfidenceSetTest.gaussian(random);
        }
        ReturnMoments m = ReturnMoments.of(r, 0);
        var d = DeflatedSharpe.deflate(m, new double[] {0.01, 0.03, Double.NaN, 0.05});
        assertEquals(3, d.trials());
        assertEquals(0.0004, d.variance(), 1e-15);
        assertEquals(DeflatedSharpe.expectedMaximum(3, 0.0004), d.sr0(), 0);
        assertEquals(DeflatedSharpe.of(m, 3, 0.0004), d.dsr(), 0);
        var one = DeflatedSharpe.deflate(m, new double[] {0.02});
        assertEquals(1, one.trials());
        assertEquals(ProbabilisticSharpe.of(m, 0), one.dsr(), 0);
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.deflate(m, new double[] {Double.NaN}));
    }
}
