package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bailey, Borwein, López de Prado &amp; Zhu, "The Probability of Backtest Overfitting", J. Comp. Finance 20(4), 2017. */
class BacktestOverfittingTest {

    /**
     * Known truth, pure noise: 10 configurations of i.i.d. zero-mean returns. In-sample ranks carry no
     * information: in each combination the in-sample and out-of-sample halves are independent, so the
     * winner's out-of-sample rank is uniform and E[PBO] = 0.5 exactly (the paper's reference value for
     * "no skill" — not 1). One grid's PBO varies a lot (sd ≈ 0.15, the combinations share their bars),
     * so the test averages 200 grids: within 0.05 of 0.5 (about 4 standard errors).
     */
    @Test
    void gridOfPureNoise_hasPboOfOneHalfOnAverage() {
        SplittableRandom random = new SplittableRandom(17);
        double sum = 0;
        int grids = 200;
        for (int g = 0; g < grids; g++) {
            sum += BacktestOverfitting.cscv(noise(random, 10, 400, 0, -1), 8).pbo();
        }
        assertEquals(0.5, sum / grids, 0.05);
    }

    /** Known truth, a planted edge: one of 20 configurations earns 0.15 sd a bar more. It wins in sample and out: PBO ≈ 0. */
    @Test
    void gridWithOnePlantedEdge_hasPboNearZero() {
        var r = BacktestOverfitting.cscv(noise(new SplittableRandom(3), 20, 1000, 0.15, 7), 10);
        assertTrue(r.pbo() < 0.05, r.toString());
        assertTrue(r.probabilityOfLoss() < 0.05, r.toString());
        assertEquals(252, r.combinations());
    }

    /**
     * Known truth, a grid that is all overfitting: every configuration's returns sum to exactly zero
     * over the sample, so whatever won in sample lost out of sample: PBO near 1 and the degradation
     * line slopes down.
     */
    @Test
    void gridWhoseInSampleWinnersAreOutOfSampleLosers_hasPboNearOne() {
        double[][] r = noise(new SplittableRandom(5), 20, 1000, 0, -1);
        for (double[] c : r) {
            double mean = ModelConfidenceSet.mean(c);
            for (int t = 0; t < c.length; t++) {
                c[t] -= mean;
            }
        }
        var result = BacktestOverfitting.cscv(r, 10);
        assertTrue(result.pbo() > 0.9, result.toString());
        assertTrue(result.slope() < 0, result.toString());
    }

    /**
     * Independent check: a direct implementation — every combination built as its own list of bars,
     * Sharpe ratios computed from those bars, ranks by counting — gives the same logits (to rounding)
     * and the same PBO, on a grid with ties in the out-of-sample ranking.
     */
    @Test
    void backtestOverfitting_agreesWithADirectImplementation() {
        double[][] r = noise(new SplittableRandom(23), 7, 63, 0.05, 2); // 63 bars, S = 6: 3 bars left out
        r[4] = r[3].clone(); // a tie in every ranking
        var fast = BacktestOverfitting.cscv(r, 6);
        List<Double> logits = new ArrayList<>();
        int block = 63 / 6;
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) != 3) {
                continue;
            }
            double[] srIn = new double[r.length];
            double[] srOut = new double[r.length];
            for (int c = 0; c < r.length; c++) {
                List<Double> in = new ArrayList<>();
                List<Double> out = new ArrayList<>();
                for (int t = 0; t < block * 6; t++) {
                    ((mask >> (t / block) & 1) == 1 ? in : out).add(r[c][t]);
                }
                srIn[c] = sharpe(in);
                srOut[c] = sharpe(out);
            }
            int best = 0;
            for (int c = 1; c < r.length; c++) {
                best = srIn[c] > srIn[best] ? c : best;
            }
            double rank = 1;
            for (int c = 0; c < r.length; c++) {
                if (c != best) {
                    double diff = srOut[c] - srOut[best];
                    rank += Math.abs(diff) < 1e-12 ? 0.5 : diff < 0 ? 1 : 0;
                }
            }
            double w = rank / (r.length + 1);
            logits.add(Math.log(w / (1 - w)));
        }
        double[] expected = logits.stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(expected, fast.logits(), 1e-9);
        assertEquals(Arrays.stream(expected).filter(l -> l <= 0).count() / (double) expected.length, fast.pbo(), 0);
        assertEquals(20, fast.combinations());
    }

    /**
     * Against a Python implementation that shares no code or structure with ours (numpy, itertools.combinations
     * over the blocks, {@code scipy.stats.rankdata} average ranks, {@code numpy.polyfit} for the degradation
     * line), written from Bailey, Borwein, López de Prado &amp; Zhu (2017), §CSCV: ω̄ = rank/(N + 1), λ =
     * logit ω̄, PBO = share of λ ≤ 0 (as the authors' R package {@code pbo}, mrbcuda/pbo, counts it). Returns
     * {@code 0.45 − L} of the LCG losses {@code ModelConfidenceSetTest.lcgLosses(7, 103, 11)}, configuration 5 a
     * copy of 2 (a tie in every ranking), S = 8 (12-bar blocks, 7 bars left out): 70 combinations, 5 of them
     * with the selected configuration exactly at the out-of-sample median (λ = 0, counted as overfit; share
     * with λ &lt; 0 alone: 12/70). Reproduce: {@code python3 framework/src/test/reference/statistics_reference.py}.
     */
    @Test
    void backtestOverfitting_matchesAnIndependentPythonImplementation() {
        double[][] l = ModelConfidenceSetTest.lcgLosses(7, 103, 11);
        double[][] r = new double[7][103];
        for (int c = 0; c < 7; c++) {
            for (int t = 0; t < 103; t++) {
                r[c][t] = 0.45 - l[c][t];
            }
        }
        r[5] = r[2].clone();
        var result = BacktestOverfitting.cscv(r, 8);
        assertEquals(70, result.combinations());
        assertEquals(17.0 / 70, result.pbo(), 1e-15); // 0.24285714285714285
        assertEquals(-0.44991890178207705, result.slope(), 1e-12);
        assertEquals(0.015007613376985666, result.intercept(), 1e-12);
        assertEquals(37.0 / 70, result.probabilityOfLoss(), 1e-15); // 0.5285714285714286
        assertEquals(5, Arrays.stream(result.logits()).filter(x -> Math.abs(x) < 1e-12).count());
    }

    private static double sharpe(List<Double> x) {
        double m = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = x.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return m / Math.sqrt(ss / (x.size() - 1));
    }

    @Test
    void badInput_isRefused() {
        double[][] r = noise(new SplittableRandom(1), 3, 40, 0, -1);
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.cscv(r, 5));
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.cscv(r, 18));
        var short_ = assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.cscv(noise(new SplittableRandom(1), 3, 30, 0, -1), 16));
        assertTrue(short_.getMessage().contains("at least 32 bars"), short_.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BacktestOverfitting.cscv(new double[][] {r[0]}, 4));
        assertEquals(70, BacktestOverfitting.binomial(8, 4));
        assertEquals(12_870, BacktestOverfitting.binomial(16, 8));
    }

    /** N configurations of i.i.d. N(0, 1) returns over T bars; configuration {@code edged} (if ≥ 0) gets {@code edge} added. */
    static double[][] noise(SplittableRandom random, int configs, int bars, double edge, int edged) {
        double[][] r = new double[configs][bars];
        for (int c = 0; c < configs; c++) {
            for (int t = 0; t < bars; t++) {
                r[c][t] = ModelConfidenceSetTest.gaussian(random) + (c == edged ? edge : 0);
            }
        }
        return r;
    }
}
