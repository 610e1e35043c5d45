package dev.foresight.risk;

import java.util.Arrays;

/**
 * Historical Value-at-Risk and expected shortfall at confidence {@code level} of a return series,
 * as positive losses: {@code VaR = −q}, {@code q} the {@code 1 − level} quantile of the returns
 * (R type 7: linear interpolation at position {@code (n − 1)(1 − level)} of the sorted returns, as
 * the bootstrap intervals use); {@code ES = −mean{r : r ≤ q}}, the average return on the days at
 * or beyond the VaR. Both can be negative (a strategy whose worst days still gain).
 */
public record HistoricalRisk(double level, int n, double valueAtRisk, double expectedShortfall) {

    public HistoricalRisk {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a VaR level must be in (0, 1), got " + level);
        }
        if (n < 1) {
            throw new IllegalArgumentException("VaR needs at least one return, got " + n);
        }
        if (!(expectedShortfall >= valueAtRisk)) {
            throw new IllegalArgumentException("expected shortfall " + expectedShortfall + " below VaR " + valueAtRisk);
        }
    }

    /** The figures of {@code returns} (each finite) at {@code level}, e.g. 0.99. */
    public static HistoricalRisk of(double[] returns, double level) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("VaR needs at least one return");
        }
        double[] sorted = returns.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("returns[" + i + "] is " + sorted[i]);
            }
        }
        Arrays.sort(sorted);
        double q = quantile(sorted, 1 - level);
        double sum = 0;
        int tail = 0;
        for (double r : sorted) {
            if (r > q) {
                break;
            }
            sum += r;
            tail++;
        }
        // q ≥ the smallest return, so the tail holds at least one. The mean of values ≤ q is ≤ q, but
        // summing can round it a hair above (three returns all equal to q): the bound is restored.
        return new HistoricalRisk(level, returns.length, -q, Math.max(-q, -sum / tail));
    }

    /** R type 7 on sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
