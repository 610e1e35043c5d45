package dev.foresight.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backtest of one-day VaR forecasts at confidence {@code level} from their failure sequence
 * (a failure: the realised return fell below −VaR), expected failure rate {@code p = 1 − level}.
 *
 * <p><b>Kupiec (1995), proportion of failures</b>, on all {@code n} bars with {@code x} failures:
 * {@code LR_uc = −2 ln[(1−p)^(n−x) p^x] + 2 ln[(1−x/n)^(n−x) (x/n)^x]}, χ²(1).
 *
 * <p><b>Christoffersen (1998)</b>, on the transitions between consecutive bars, {@code n_ij} =
 * bars in state j after a bar in state i (1 = failure): {@code π01 = n01/(n00+n01)},
 * {@code π11 = n11/(n10+n11)}, {@code π = (n01+n11)/(n00+n01+n10+n11)};
 * {@code L(π01, π11) = (1−π01)^n00 π01^n01 (1−π11)^n10 π11^n11}. Independence:
 * {@code LR_ind = −2 ln[(1−π)^(n00+n10) π^(n01+n11)] + 2 ln L(π01, π11)}, χ²(1). Conditional
 * coverage: {@code LR_cc = −2 ln[(1−p)^(n00+n10) p^(n01+n11)] + 2 ln L(π01, π11)}, χ²(2) — the
 * unconditional test on the transitions' bars plus {@code LR_ind} (it equals {@code LR_uc + LR_ind}
 * exactly when {@code LR_uc} is taken over the same bars, all but each run's first).
 *
 * <p>Edge cases follow the usual convention {@code 0⁰ = 1} ({@code 0·ln 0 = 0}): no failures
 * gives {@code LR_uc = −2n ln(1−p)} (rejecting an over-cautious VaR once n is large enough) and
 * {@code LR_ind = 0}; failures never followed by a bar ({@code n10 + n11 = 0}) drop the π11 terms;
 * π01 = π11 gives {@code LR_ind = 0} (p-value 1). Bars may come in several runs (folds with gaps,
 * the bars of one regime): transitions are counted within a run only, never across a gap.
 */
public record VarBacktest(double level, int n, int failures, CoverageTest kupiec, CoverageTest independence,
                          CoverageTest conditionalCoverage, int n00, int n01, int n10, int n11) {

    public VarBacktest {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a VaR level must be in (0, 1), got " + level);
        }
        if (n < 1 || failures < 0 || failures > n) {
            throw new IllegalArgumentException(failures + " failures in " + n + " bars");
        }
        if (n00 + n01 + n10 + n11 > n - 1 || Math.min(Math.min(n00, n01), Math.min(n10, n11)) < 0) {
            throw new IllegalArgumentException("transition counts " + n00 + ", " + n01 + ", " + n10 + ", " + n11
                    + " for " + n + " bars");
        }
    }

    /** The expected failure rate, {@code 1 − level}. */
    public double expectedRate() {
        return 1 - level;
    }

    /** Failures over bars. */
    public double failureRate() {
        return (double) failures / n;
    }

    /** The tests of one contiguous failure sequence. */
    public static VarBacktest of(boolean[] failures, double level) {
        return of(List.of(failures), level);
    }

    /**
     * The tests over the bars where {@code include} is true (e.g. one regime's), {@code bars[i]}
     * being bar i's index in the series: a run breaks wherever a bar is left out or the indices
     * jump (a gap between test blocks), so only truly consecutive bars form transitions.
     *
     * @throws IllegalArgumentException on arrays of different lengths, indices not increasing, or
     *                                  no included bar
     */
    public static VarBacktest of(int[] bars, boolean[] failures, boolean[] include, double level) {
        if (bars.length != failures.length || bars.length != include.length) {
            throw new IllegalArgumentException("bars, failures and include must have one entry per bar; got "
                    + bars.length + ", " + failures.length + ", " + include.length);
        }
        List<boolean[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bars.length; i++) {
            if (i > 0 && i < bars.length && bars[i] <= bars[i - 1]) {
                throw new IllegalArgumentException("bar indices must increase: " + bars[i - 1] + " then " + bars[i]);
            }
            boolean in = i < bars.length && include[i];
            boolean continues = in && start >= 0 && bars[i] == bars[i - 1] + 1;
            if (start >= 0 && !continues) {
                runs.add(Arrays.copyOfRange(failures, start, i));
                start = -1;
            }
            if (in && start < 0) {
                start = i;
            }
        }
        return of(runs, level);
    }

    /**
     * The tests of failure sequences that are each contiguous in time but not with one another
     * (transitions are counted within each run only). Empty runs are ignored.
     *
     * @throws IllegalArgumentException when there are no bars at all
     */
    public static VarBacktest of(List<boolean[]> runs, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a VaR level must be in (0, 1), got " + level);
        }
        int n = 0;
        int x = 0;
        int n00 = 0;
        int n01 = 0;
        int n10 = 0;
        int n11 = 0;
        for (boolean[] run : runs) {
            for (int i = 0; i < run.length; i++) {
                n++;
                if (run[i]) {
                    x++;
                }
                if (i > 0) {
                    if (run[i - 1]) {
                        if (run[i]) {
                            n11++;
                        } else {
                            n10++;
                        }
                    } else if (run[i]) {
                        n01++;
                    } else {
                        n00++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("a VaR backtest needs at least one bar");
        }
        double p = 1 - level;
        double kupiec = 2 * (logBernoulli(n - x, x, (double) x / n) - logBernoulli(n - x, x, p));
        double markov = logBernoulli(n00, n01, rate(n01, n00 + n01)) + logBernoulli(n10, n11, rate(n11, n10 + n11));
        double pooled = logBernoulli(n00 + n10, n01 + n11, rate(n01 + n11, n00 + n01 + n10 + n11));
        double nominal = logBernoulli(n00 + n10, n01 + n11, p);
        return new VarBacktest(level, n, x, CoverageTest.chiSquare(kupiec, 1),
                CoverageTest.chiSquare(2 * (markov - pooled), 1), CoverageTest.chiSquare(2 * (markov - nominal), 2),
                n00, n01, n10, n11);
    }

    /** Failures over trials; 0 for no trials (its likelihood terms then have zero counts). */
    private static double rate(int failures, int trials) {
        return trials == 0 ? 0 : (double) failures / trials;
    }

    /** {@code ln[(1−q)^misses q^hits]} with {@code 0·ln 0 = 0}. */
    private static double logBernoulli(int misses, int hits, double q) {
        return xlog(misses, 1 - q) + xlog(hits, q);
    }

    private static double xlog(int count, double probability) {
        return count == 0 ? 0 : count * Math.log(probability);
    }
}
