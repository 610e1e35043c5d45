package dev.foresight.statistics;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Probability of Backtest Overfitting by combinatorially symmetric cross-validation (CSCV),
 * Bailey, Borwein, López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of
 * Computational Finance 20(4), 2017: how often the configuration that looks best in sample ranks
 * below the median of all configurations out of sample.
 *
 * <p>The {@code T × N} matrix of per-period returns of {@code N} configurations is cut, in time order,
 * into {@code S} (even) blocks of {@code ⌊T/S⌋} bars (the last {@code T mod S} bars are left out).
 * For each of the {@code C(S, S/2)} ways to choose half the blocks as the in-sample set {@code J} (the
 * rest, {@code J̄}, out of sample):
 * <pre>
 *   n*   = argmax_n SR_n(J)                              the in-sample winner (ties: the lowest index)
 *   ω̄_c  = rank of SR_{n*}(J̄) among SR_1(J̄)..SR_N(J̄) / (N + 1)   ascending ranks 1..N, ties averaged
 *   λ_c  = ln(ω̄_c / (1 − ω̄_c))
 *   PBO  = #{c : λ_c ≤ 0} / C(S, S/2)
 * </pre>
 * with SR the per-period Sharpe ratio (mean / sample sd) of the configuration's returns on those bars.
 * Performance degradation: the least-squares line {@code SR_{n*}(J̄) = a + b · SR_{n*}(J) + ε} over the
 * combinations, and the probability of loss {@code #{c : SR_{n*}(J̄) < 0} / C(S, S/2)}.
 *
 * <p>Reading it: PBO ≈ 0.5 when in-sample ranking carries no information (a grid of pure noise: the
 * in-sample winner lands at the out-of-sample median on average); near 0 when one configuration has a
 * real edge; above 0.5 when the in-sample winner tends to be an out-of-sample loser (performance that
 * mean-reverts across time).
 */
public final class BacktestOverfitting {

    /**
     * @param configurations N
     * @param partitions     S
     * @param blockLength    bars per block, {@code ⌊T/S⌋}
     * @param pbo            the probability of backtest overfitting
     * @param logits         λ_c per combination (in the enumeration order of the combinations)
     * @param inSample       SR_{n*}(J) per combination (per period)
     * @param outOfSample    SR_{n*}(J̄) per combination (per period)
     * @param slope          b of the degradation line
     * @param intercept      a of the degradation line
     * @param probabilityOfLoss share of combinations whose selected configuration lost out of sample
     */
    public record Result(int configurations, int partitions, int blockLength, double pbo, double[] logits,
                         double[] inSample, double[] outOfSample, double slope, double intercept,
                         double probabilityOfLoss) {

        public Result {
            logits = logits.clone();
            inSample = inSample.clone();
            outOfSample = outOfSample.clone();
        }

        /** C(S, S/2). */
        public int combinations() {
            return logits.length;
        }

        @Override
        public double[] logits() {
            return logits.clone();
        }

        @Override
        public double[] inSample() {
            return inSample.clone();
        }

        @Override
        public double[] outOfSample() {
            return outOfSample.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && configurations == r.configurations && partitions == r.partitions
                    && blockLength == r.blockLength && Double.compare(pbo, r.pbo) == 0 && Arrays.equals(logits, r.logits)
                    && Arrays.equals(inSample, r.inSample) && Arrays.equals(outOfSample, r.outOfSample);
        }

        @Override
        public int hashCode() {
            return Objects.hash(configurations, partitions, pbo, Arrays.hashCode(logits));
        }

        @Override
        public String toString() {
            return "PBO[" + pbo + ", N=" + configurations + ", S=" + partitions + ", slope=" + slope + "]";
        }
    }

    /** The most combinations enumerated: C(16, 8) = 12,870. */
    public static final int MAX_PARTITIONS = 16;

    private BacktestOverfitting() {
    }

    /**
     * @param returns    {@code returns[n][t]}: configuration n's per-period return at bar t (same bars)
     * @param partitions S: even, 2..16, with at least 2 bars per block
     * @throws IllegalArgumentException for fewer than 2 configurations, an odd or out-of-range S, too few
     *                                  bars, ragged rows or a non-finite return
     */
    public static Result cscv(double[][] returns, int partitions) {
        int configs = returns.length;
        if (configs < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 configurations, got " + configs);
        }
        if (partitions < 2 || partitions > MAX_PARTITIONS || partitions % 2 != 0) {
            throw new IllegalArgumentException("the number of partitions S must be even, 2.." + MAX_PARTITIONS + ", got " + partitions);
        }
        int bars = returns[0].length;
        int block = bars / partitions;
        if (block < 2) {
            throw new IllegalArgumentException("PBO with S = " + partitions + " needs at least " + 2 * partitions
                    + " bars, got " + bars);
        }
        // Per configuration and block: count, sum and sum of squares about the configuration's overall
        // mean (centring keeps the variance from cancelling), so each combination costs O(N·S).
        double[] centre = new double[configs];
        double[][] sum = new double[configs][partitions];
        double[][] sumSq = new double[configs][partitions];
        for (int c = 0; c < configs; c++) {
            double[] r = returns[c];
            if (r.length != bars) {
                throw new IllegalArgumentException("configuration " + c + " has " + r.length + " returns, configuration 0 has " + bars);
            }
            for (int t = 0; t < bars; t++) {
                if (!Double.isFinite(r[t])) {
                    throw new IllegalArgumentException("return of configuration " + c + " at bar " + t + " is not finite: " + r[t]);
                }
            }
            centre[c] = ModelConfidenceSet.mean(Arrays.copyOf(r, block * partitions));
            for (int s = 0; s < partitions; s++) {
                for (int t = s * block; t < (s + 1) * block; t++) {
                    double e = r[t] - centre[c];
                    sum[c][s] += e;
                    sumSq[c][s] += e * e;
                }
            }
        }
        int half = partitions / 2;
        int total = binomial(partitions, half);
        double[] logits = new double[total];
        double[] is = new double[total];
        double[] oos = new double[total];
        double[] srIn = new double[configs];
        double[] srOut = new double[configs];
        int k = 0;
        int overfit = 0;
        int losses = 0;
        // Combinations of `half` blocks out of `partitions`, in lexicographic order of their bit masks.
        for (int mask = 0; mask < 1 << partitions; mask++) {
            if (Integer.bitCount(mask) != half) {
                continue;
            }
            for (int c = 0; c < configs; c++) {
                srIn[c] = sharpe(sum[c], sumSq[c], centre[c], mask, block * half);
                srOut[c] = sharpe(sum[c], sumSq[c], centre[c], ~mask & ((1 << partitions) - 1), block * half);
            }
            int selected = 0;
            for (int c = 1; c < configs; c++) {
                if (greater(srIn[c], srIn[selected])) {
                    selected = c;
                }
            }
            double rank = averageRank(srOut, selected);
            double omega = rank / (configs + 1);
            logits[k] = Math.log(omega / (1 - omega));
            is[k] = srIn[selected];
            oos[k] = srOut[selected];
            overfit += logits[k] <= 0 ? 1 : 0;
            losses += oos[k] < 0 ? 1 : 0;
            k++;
        }
        double[] line = leastSquares(is, oos);
        return new Result(configs, partitions, block, (double) overfit / total, logits, is, oos, line[1], line[0],
                (double) losses / total);
    }

    /** NaN (a constant return series) counts as the worst Sharpe ratio. */
    private static boolean greater(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }

    /** Ascending rank (1..N) of x[i] among x, ties averaged; NaN ranks lowest. */
    private static double averageRank(double[] x, int i) {
        double below = 0;
        double equal = 0;
        for (int j = 0; j < x.length; j++) {
            if (j == i) {
                continue;
            }
            boolean bothNaN = Double.isNaN(x[j]) && Double.isNaN(x[i]);
            if (bothNaN || x[j] == x[i]) {
                equal++;
            } else if (greater(x[i], x[j])) {
                below++;
            }
        }
        return below + 1 + equal / 2;
    }

    private static double sharpe(double[] sum, double[] sumSq, double centre, int mask, int n) {
        double s = 0;
        double ss = 0;
        for (int b = 0; b < sum.length; b++) {
            if ((mask & (1 << b)) != 0) {
                s += sum[b];
                ss += sumSq[b];
            }
        }
        double meanDev = s / n;
        double var = (ss - n * meanDev * meanDev) / (n - 1);
        return var > 0 ? (centre + meanDev) / Math.sqrt(var) : Double.NaN;
    }

    /** {intercept, slope} of y on x; NaN when x does not vary. */
    private static double[] leastSquares(double[] x, double[] y) {
        double mx = ModelConfidenceSet.mean(x);
        double my = ModelConfidenceSet.mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        return new double[] {my - slope * mx, slope};
    }

    static int binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return (int) r;
    }
}
