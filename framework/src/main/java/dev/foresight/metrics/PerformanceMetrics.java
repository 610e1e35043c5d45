package dev.foresight.metrics;

import dev.foresight.backtest.BacktestResult;
import java.util.Objects;

/**
 * How a strategy traded over {@code n} periods, after costs. The formulas are on {@link #of}.
 *
 * @param n                number of periods
 * @param totalReturn      {@code prod(1 + r) - 1}
 * @param annualReturn     CAGR, {@code (1 + totalReturn)^(ppy / n) - 1}
 * @param annualVolatility sample standard deviation of {@code r} times {@code sqrt(ppy)}
 * @param sharpe           annualised Sharpe ratio of the excess returns
 * @param sortino          annualised Sortino ratio, downside deviation over all periods
 * @param maxDrawdown      largest peak-to-trough loss of equity as a positive fraction (0.25 = 25%)
 * @param calmar           {@code annualReturn / maxDrawdown}
 * @param turnover         mean one-way turnover per period
 */
public record PerformanceMetrics(int n, double totalReturn, double annualReturn, double annualVolatility,
                                 double sharpe, double sortino, double maxDrawdown, double calmar,
                                 double turnover) {

    public PerformanceMetrics {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
    }

    /**
     * Computes performance metrics from per-period net strategy returns (e.g.
     * {@code BacktestResult.netReturns()}) and per-period turnover. With {@code ppy} =
     * {@code a.periodsPerYear()}, {@code rf_p = a.riskFreeRate() / ppy} and excess returns
     * {@code x = r - rf_p}:
     * <ul>
     *   <li>{@code totalReturn = prod(1 + r) - 1};</li>
     *   <li>{@code annualReturn = (1 + totalReturn)^(ppy / n) - 1} (CAGR; NaN if equity ended
     *       below zero);</li>
     *   <li>{@code annualVolatility = sd(r) * sqrt(ppy)}, sample standard deviation (divisor
     *       {@code n - 1}); NaN when {@code n < 2};</li>
     *   <li>{@code sharpe = mean(x) / sd(x) * sqrt(ppy)}, sample sd; NaN when {@code n < 2} or
     *       {@code sd(x) == 0};</li>
     *   <li>{@code sortino = mean(x) / DD * sqrt(ppy)} with downside deviation
     *       {@code DD = sqrt((1/n) Σ_all periods min(0, x)^2)} — the sum runs over <em>all</em>
     *       periods and divides by {@code n}, not just the losing ones; NaN when {@code DD == 0};</li>
     *   <li>{@code maxDrawdown = max_i (1 - equity_i / max(1, max_{j <= i} equity_j))} with
     *       {@code equity_i = prod_{j <= i}(1 + r_j)}: a positive fraction, and the starting
     *       equity of 1 counts as a peak, so losing from the first bar is a drawdown;</li>
     *   <li>{@code calmar = annualReturn / maxDrawdown}; NaN when {@code maxDrawdown == 0};</li>
     *   <li>{@code turnover = Σ turnover / n}, one-way.</li>
     * </ul>
     * Means and variances are computed in two passes (mean first, then squared deviations), and
     * {@code sd(x)} as {@code sd(r)}, which it equals (a constant shift); a
     * constant series has a standard deviation of exactly 0 (so its Sharpe ratio is NaN, not the
     * huge number rounding would give).
     *
     * @throws IllegalArgumentException on empty input, mismatched lengths, non-finite values or
     *                                  negative turnover
     */
    public static PerformanceMetrics of(double[] netReturns, double[] turnover, Annualisation a) {
        int n = checkedLength(netReturns, turnover, a);
        Sums s = sums(netReturns, turnover, a.riskFreePerPeriod());
        // The equity path, deepest equity / peak ratio
        double equity = 1;
        double peak = 1;
        double minRatio = 1;
        double minRatioLimit = widen(minRatio);
        for (int i = 0; i < n; i++) {
            equity *= 1 + netReturns[i];
            if (equity > peak) {
                peak = equity;
            }
            // Only bars that may set a new deepest equity / peak ratio pay for the division; the
            // limit is widened so that rounding in peak * limit can never skip one. Max drawdown
            // is then 1 - minRatio, bit for bit the largest 1 - equity / peak (rounding is monotone).
            if (equity < peak * minRatioLimit) {
                double ratio = equity / peak;
                if (ratio < minRatio) {
                    minRatio = ratio;
                    minRatioLimit = widen(ratio);
                }
            }
        }
        return from(n, s, netReturns, equity, 1 - minRatio, a);
    }

    /**
     * The same metrics from a backtest, bit for bit equal to
     * {@code of(bt.netReturns(), bt.turnover(), a)} when {@code bt} came from {@code Backtest.run}:
     * the final equity and the deepest drawdown are read from the backtest's equity and drawdown
     * series instead of being compounded again. ({@code 0 - min(drawdown)} equals
     * {@code 1 - min(equity / peak)} exactly, because x − 1 and 1 − x round alike.)
     */
    public static PerformanceMetrics of(BacktestResult bt, Annualisation a) {
        Objects.requireNonNull(bt, "backtest");
        int n = checkedLength(bt.netReturns(), bt.turnover(), a);
        Sums s = sums(bt.netReturns(), bt.turnover(), a.riskFreePerPeriod());
        double[] dd = bt.drawdown();
        double d0 = 0;
        double d1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            d0 = Math.min(d0, dd[i]);
            d1 = Math.min(d1, dd[i + 1]);
        }
        for (; i < n; i++) {
            d0 = Math.min(d0, dd[i]);
        }
        return from(n, s, bt.netReturns(), bt.equity()[n - 1], 0 - Math.min(d0, d1), a);
    }

    private static int checkedLength(double[] netReturns, double[] turnover, Annualisation a) {
        Objects.requireNonNull(netReturns, "netReturns");
        Objects.requireNonNull(turnover, "turnover");
        Objects.requireNonNull(a, "annualisation");
        int n = netReturns.length;
        if (n == 0) {
            throw new IllegalArgumentException("performance metrics need at least one period");
        }
        if (turnover.length != n) {
            throw new IllegalArgumentException("netReturns and turnover must have the same length; got "
                    + n + " and " + turnover.length);
        }
        return n;
    }

    /** Σ r, Σ min(0, r − rf_p)², Σ turnover, and whether every r equals the first. */
    private record Sums(double sumR, double sumDownSq, double sumTurnover, boolean constant) {
    }

    /** Validation and the sums of pass 1. */
    private static Sums sums(double[] r, double[] t, double rfp) {
        int n = r.length;
        double first = r[0];
        boolean constant = true;
        double sumR = 0;
        double sumDownSq = 0;
        double sumTurnover = 0;
        for (int i = 0; i < n; i++) {
            check(r, t, i);
            constant &= r[i] == first;
            sumR += r[i];
            sumDownSq += downSq(r[i] - rfp);
            sumTurnover += t[i];
        }
        return new Sums(sumR, sumDownSq, sumTurnover, constant);
    }

    private static void check(double[] r, double[] t, int i) {
        if (!Double.isFinite(r[i])) {
            throw new IllegalArgumentException("netReturns[" + i + "] must be finite, got " + r[i]);
        }
        if (!(t[i] >= 0 && t[i] < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("turnover[" + i + "] must be finite and >= 0, got " + t[i]);
        }
    }

    /**
     * min(0, x)², exactly (x − |x| is 2x or 0, no rounding) and without a branch: the sign of a
     * return is a coin flip, and a mispredicted branch per bar triples the cost.
     */
    private static double downSq(double x) {
        double down = 0.5 * (x - Math.abs(x));
        return down * down;
    }

    /** The metrics from pass 1's sums, the final equity and the max drawdown; pass 2 is the variance. */
    private static PerformanceMetrics from(int n, Sums s, double[] r, double equity, double maxDrawdown,
                                           Annualisation a) {
        int ppy = a.periodsPerYear();
        double meanR = s.sumR() / n;
        // mean(r - rf_p) = mean(r) - rf_p, and sd(r - rf_p) = sd(r): shifting by a constant does
        // not change the spread, so one pass of squared deviations serves volatility and Sharpe.
        double meanX = meanR - a.riskFreePerPeriod();
        // Pass 2: squared deviations from the mean (two-pass variance).
        // Constant returns have a standard deviation of exactly 0; the two-pass sum would leave
        // rounding dust (the computed mean of n copies of 0.01 need not be 0.01) and a Sharpe of 1e16.
        double ss = 0;
        if (!s.constant()) {
            for (int i = 0; i < n; i++) {
                double d = r[i] - meanR;
                ss += d * d;
            }
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        double rootPpy = Math.sqrt(ppy);
        double totalReturn = equity - 1;
        // Compounding a negative wealth has no meaning, and Math.pow would happily return a
        // finite (even positive) number whenever ppy / n happens to be an integer.
        double annualReturn = equity < 0 ? Double.NaN : Math.pow(equity, (double) ppy / n) - 1;
        double volatility = sd * rootPpy;
        double sharpe = n < 2 || sd == 0 ? Double.NaN : meanX / sd * rootPpy;
        double downside = Math.sqrt(s.sumDownSq() / n);
        double sortino = downside == 0 ? Double.NaN : meanX / downside * rootPpy;
        double calmar = maxDrawdown == 0 ? Double.NaN : annualReturn / maxDrawdown;
        return new PerformanceMetrics(n, totalReturn, annualReturn, volatility, sharpe, sortino,
                maxDrawdown, calmar, s.sumTurnover() / n);
    }

    private static double widen(double ratio) {
        return ratio + Math.abs(ratio) * 0x1p-50;
    }
}
