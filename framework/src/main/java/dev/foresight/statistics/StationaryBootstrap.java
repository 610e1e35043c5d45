package dev.foresight.statistics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stationary bootstrap of Politis and Romano, "The Stationary Bootstrap", JASA 89(428), 1994:
 * resamples a dependent series in blocks of geometric length (mean {@code meanBlockLength}),
 * each block starting at a uniformly drawn bar and wrapping round the end, so the resampled series
 * is stationary and keeps short-range dependence. Paired series (a model's and the baseline's
 * returns) are resampled with the same indices.
 *
 * <p>Confidence intervals are percentile intervals over {@code replications} resamples. The
 * generator is a {@link SplittableRandom} seeded by the caller: the same seed gives the same
 * interval, bit for bit.
 *
 * @param meanBlockLength mean block length {@code L ≥ 1} (a new block starts with probability 1/L;
 *                        L = 1 is the ordinary i.i.d. bootstrap)
 * @param replications    number of resamples, {@code ≥ 100}
 * @param seed            generator seed
 */
public record StationaryBootstrap(double meanBlockLength, int replications, long seed) {

    public StationaryBootstrap {
        if (!(meanBlockLength >= 1 && Double.isFinite(meanBlockLength))) {
            throw new IllegalArgumentException("mean block length must be ≥ 1, got " + meanBlockLength);
        }
        if (replications < 100) {
            throw new IllegalArgumentException("replications must be ≥ 100, got " + replications);
        }
    }

    /** A statistic of a resample, given as indices into the original series. */
    @FunctionalInterface
    public interface Statistic {
        /** @return the statistic, or NaN when undefined for this resample (it is then left out) */
        double of(int[] indices);
    }

    /**
     * A percentile confidence interval.
     *
     * @param estimate     the statistic on the original series
     * @param lower        the (1 − level)/2 quantile of the resampled statistics
     * @param upper        the (1 + level)/2 quantile
     * @param level        e.g. 0.95
     * @param replications resamples whose statistic was defined
     */
    public record Interval(double estimate, double lower, double upper, double level, int replications) {
    }

    /** One resample of {@code 0..n−1}. */
    static int[] indices(int n, double meanBlockLength, SplittableRandom random) {
        int[] out = new int[n];
        double pNew = 1 / meanBlockLength;
        int current = random.nextInt(n);
        out[0] = current;
        for (int i = 1; i < n; i++) {
            current = random.nextDouble() < pNew ? random.nextInt(n) : (current + 1) % n;
            out[i] = current;
        }
        return out;
    }

    /**
     * The percentile interval of {@code statistic} over a series of {@code n} bars. Quantiles are
     * R type 7 (linear interpolation at position {@code (B−1)q} of the sorted statistics).
     *
     * @throws IllegalArgumentException for {@code n < 2} or a level outside (0, 1)
     */
    public Interval interval(int n, Statistic statistic, double level) {
        if (n < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 bars, got " + n);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        double estimate = statistic.of(identity);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[replications];
        int k = 0;
        for (int b = 0; b < replications; b++) {
            double v = statistic.of(indices(n, meanBlockLength, random));
            if (!Double.isNaN(v)) {
                values[k++] = v;
            }
        }
        if (k < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN, level, k);
        }
        double[] sorted = Arrays.copyOf(values, k);
        Arrays.sort(sorted);
        return new Interval(estimate, quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2), level, k);
    }

    static double quantile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Per-period Sharpe ratio (mean / sample sd) of {@code x} at {@code indices}; NaN when sd = 0. */
    public static double sharpe(double[] x, int[] indices) {
        int n = indices.length;
        double sum = 0;
        for (int i : indices) {
            sum += x[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (int i : indices) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return ss == 0 ? Double.NaN : mean / Math.sqrt(ss / (n - 1));
    }
}
