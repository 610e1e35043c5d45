package dev.foresight.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Kupiec and Christoffersen pinned on hand-checkable sequences against an independent
 * calculation (SciPy, likelihoods as products rather than logs; R's rugarch, whose
 * {@code VaRTest} computes the same statistics, is not packaged by Debian), and on simulations
 * with known truth.
 */
class VarBacktestTest {

    private static boolean[] hits(int... values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == 1;
        }
        return out;
    }

    /**
     * n = 10, x = 3, p = 0.1: LR_uc = 2[7 ln(0.7/0.9) + 3 ln(0.3/0.1)] = 3.0733; transitions
     * n00 4, n01 2, n10 2, n11 1 give π01 = π11 = π = 1/3, so LR_ind = 0 exactly.
     */
    @Test
    void independentFailures_handComputedCase() {
        VarBacktest b = VarBacktest.of(hits(0, 1, 1, 0, 0, 0, 1, 0, 0, 0), 0.90);
        assertEquals(10, b.n());
        assertEquals(3, b.failures());
        assertEquals(List.of(4, 2, 2, 1), List.of(b.n00(), b.n01(), b.n10(), b.n11()));
        assertEquals(3.073271736075972, b.kupiec().statistic(), 1e-12);
        assertEquals(0.07958914489974497, b.kupiec().pValue(), 1e-12);
        assertEquals(0, b.independence().statistic(), 1e-12);
        assertEquals(1, b.independence().pValue(), 1e-12);
        assertEquals(3.6225817165515597, b.conditionalCoverage().statistic(), 1e-12);
        assertEquals(0.16344301879687492, b.conditionalCoverage().pValue(), 1e-12);
        assertEquals(2, b.conditionalCoverage().degreesOfFreedom());
    }

    @Test
    void clusteredFailures_areRejectedByIndependence() {
        VarBacktest b = VarBacktest.of(hits(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0.95);
        assertEquals(2.81000213826103, b.kupiec().statistic(), 1e-12);
        assertEquals(0.09367825085191445, b.kupiec().pValue(), 1e-12);
        assertEquals(8.967753778404733, b.independence().statistic(), 1e-12);
        assertEquals(0.002747862159372273, b.independence().pValue(), 1e-12);
        assertEquals(9.907816093623806, b.conditionalCoverage().statistic(), 1e-12);
        assertEquals(0.0070557806568236165, b.conditionalCoverage().pValue(), 1e-12);
    }

    @Test
    void fiveScatteredFailuresInAHundredAt99_failKupiecNotIndependence() {
        boolean[] h = new boolean[100];
        for (int i : new int[] {10, 40, 41, 70, 85}) {
            h[i] = true;
        }
        VarBacktest b = VarBacktest.of(h, 0.99);
        assertEquals(8.258217002871667, b.kupiec().statistic(), 1e-12);
        assertEquals(0.00405679525673972, b.kupiec().pValue(), 1e-12);
        assertEquals(1.5125843818113083, b.independence().statistic(), 1e-12);
        assertEquals(0.21874515578581533, b.independence().pValue(), 1e-12);
        assertEquals(9.85381724660342, b.conditionalCoverage().statistic(), 1e-12);
        assertEquals(0.0072488776912767025, b.conditionalCoverage().pValue(), 1e-12);
    }

    /** No failure in 250 days at 99%: LR_uc = −500 ln 0.99 = 5.025 (a too-cautious VaR); LR_ind = 0. */
    @Test
    void zeroFailures_followTheZeroToTheZeroConvention() {
        VarBacktest b = VarBacktest.of(new boolean[250], 0.99);
        assertEquals(-500 * Math.log(0.99), b.kupiec().statistic(), 1e-12);
        assertEquals(0.024981503053449722, b.kupiec().pValue(), 1e-12);
        assertEquals(0, b.independence().statistic(), 0);
        assertEquals(1, b.independence().pValue(), 0);
        assertEquals(5.0050672550437225, b.conditionalCoverage().statistic(), 1e-12);
        assertEquals(0.08187728905270836, b.conditionalCoverage().pValue(), 1e-12);
    }

    @Test
    void onlyFailures_andASingleBar_areDefined() {
        VarBacktest all = VarBacktest.of(hits(1, 1, 1, 1, 1), 0.95);
        assertEquals(29.95732273553991, all.kupiec().statistic(), 1e-12);
        assertEquals(0, all.independence().statistic(), 0);
        assertEquals(23.965858188431927, all.conditionalCoverage().statistic(), 1e-12);
        VarBacktest one = VarBacktest.of(hits(0), 0.99);
        assertEquals(1, one.n());
        assertEquals(0, one.independence().statistic(), 0);
        assertEquals(0, one.conditionalCoverage().statistic(), 0);
    }

    /** Two runs: a failure closing one run and one opening the next are not a transition. */
    @Test
    void transitions_areNotCountedAcrossRuns() {
        VarBacktest joined = VarBacktest.of(hits(0, 0, 1, 1, 0, 0), 0.9);
        VarBacktest split = VarBacktest.of(List.of(hits(0, 0, 1), hits(1, 0, 0)), 0.9);
        assertEquals(1, joined.n11());
        assertEquals(0, split.n11());
        assertEquals(List.of(2, 1, 1, 0), List.of(split.n00(), split.n01(), split.n10(), split.n11()));
        assertEquals(joined.kupiec(), split.kupiec());
        assertThrows(IllegalArgumentException.class, () -> VarBacktest.of(List.of(new boolean[0]), 0.99));
    }

    /** A regime's bars, or bars either side of a gap between test blocks, are separate runs. */
    @Test
    void includedBars_splitIntoRunsAtExclusionsAndIndexGaps() {
        int[] bars = {10, 11, 12, 13, 20, 21, 22};
        boolean[] failures = hits(1, 1, 0, 1, 1, 0, 1).clone();
        boolean[] all = {true, true, true, true, true, true, true};
        VarBacktest b = VarBacktest.of(bars, failures, all, 0.9);
        // runs [1,1,0,1] and [1,0,1]: n11 1, n10 2, n01 2, n00 0
        assertEquals(List.of(0, 2, 2, 1), List.of(b.n00(), b.n01(), b.n10(), b.n11()));
        assertEquals(VarBacktest.of(List.of(hits(1, 1, 0, 1), hits(1, 0, 1)), 0.9), b);

        boolean[] regime = {true, true, false, true, true, true, false};
        VarBacktest r = VarBacktest.of(bars, failures, regime, 0.9);
        assertEquals(VarBacktest.of(List.of(hits(1, 1), hits(1), hits(1, 0)), 0.9), r);
        assertEquals(5, r.n());

        assertThrows(IllegalArgumentException.class, () -> VarBacktest.of(new int[] {3, 2}, new boolean[2],
                new boolean[] {true, true}, 0.9));
        assertThrows(IllegalArgumentException.class, () -> VarBacktest.of(bars, failures, new boolean[7], 0.9));
    }

    /**
     * Known truth: on a GARCH(1,1) path the VaR from the TRUE conditional variance fails with
     * probability exactly 1 − level, independently. Over 2,000 paths of 1,000 days at 99% the mean
     * failure rate is 1%, and Kupiec at 5% rejects as often as its exact size under Binomial(1000,
     * 0.01) (computed here from the binomial, the test's discreteness included); the
     * asymptotic independence and conditional-coverage tests reject at most near their nominal 5%.
     * A VaR from the unconditional variance on the same paths clusters its failures in volatile
     * spells, and Christoffersen's tests reject it far more often.
     */
    @Test
    void trueModelVar_hasTheNominalFailureRateAndTestSize() {
        int paths = 2000;
        int days = 1000;
        double level = 0.99;
        double omega = 2e-6;
        double alpha = 0.10;
        double beta = 0.88;
        double unconditional = omega / (1 - alpha - beta);
        ReturnDistribution normal = new ReturnDistribution.Normal();
        Well19937c rng = new Well19937c(20261206);
        int failures = 0;
        int[] rejectTrue = new int[3];
        int[] rejectStatic = new int[3];
        for (int k = 0; k < paths; k++) {
            boolean[] trueHits = new boolean[days];
            boolean[] staticHits = new boolean[days];
            double s2 = unconditional;
            for (int t = -500; t < days; t++) {
                double e = Math.sqrt(s2) * rng.nextGaussian();
                if (t >= 0) {
                    trueHits[t] = e < -normal.valueAtRisk(0, s2, level);
                    staticHits[t] = e < -normal.valueAtRisk(0, unconditional, level);
                }
                s2 = omega + alpha * e * e + beta * s2;
            }
            VarBacktest truth = VarBacktest.of(trueHits, level);
            VarBacktest fixed = VarBacktest.of(staticHits, level);
            failures += truth.failures();
            count(rejectTrue, truth);
            count(rejectStatic, fixed);
        }
        double rate = (double) failures / (paths * days);
        assertEquals(0.01, rate, 4 * Math.sqrt(0.01 * 0.99 / (paths * days)), "failure rate " + rate);

        double exactSize = exactKupiecSize(days, 1 - level, 0.05);
        double kupiecSize = rejectTrue[0] / (double) paths;
        assertEquals(exactSize, kupiecSize, 4 * Math.sqrt(exactSize * (1 - exactSize) / paths),
                "Kupiec rejects " + kupiecSize + ", exact size " + exactSize);
        assertTrue(rejectTrue[1] / (double) paths < 0.08, "independence size " + rejectTrue[1] / (double) paths);
        assertTrue(rejectTrue[2] / (double) paths < 0.08, "conditional coverage size " + rejectTrue[2] / (double) paths);

        assertTrue(rejectStatic[1] > 3 * rejectTrue[1] && rejectStatic[1] / (double) paths > 0.2,
                "independence rejects the static VaR " + rejectStatic[1] + " times vs " + rejectTrue[1]);
        assertTrue(rejectStatic[2] > 3 * rejectTrue[2], "conditional coverage " + rejectStatic[2] + " vs " + rejectTrue[2]);
    }

    private static void count(int[] rejections, VarBacktest b) {
        rejections[0] += b.kupiec().pValue() < 0.05 ? 1 : 0;
        rejections[1] += b.independence().pValue() < 0.05 ? 1 : 0;
        rejections[2] += b.conditionalCoverage().pValue() < 0.05 ? 1 : 0;
    }

    /** P(Kupiec's LR exceeds the χ²(1) critical value) when failures are Binomial(n, p). */
    private static double exactKupiecSize(int n, double p, double alpha) {
        double critical = new ChiSquaredDistribution(1).inverseCumulativeProbability(1 - alpha);
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        double size = 0;
        for (int x = 0; x <= n; x++) {
            double hat = (double) x / n;
            double lr = 2 * ((x == 0 ? 0 : x * Math.log(hat / p)) + (x == n ? 0 : (n - x) * Math.log((1 - hat) / (1 - p))));
            if (lr > critical) {
                size += binomial.probability(x);
            }
        }
        return size;
    }
}
