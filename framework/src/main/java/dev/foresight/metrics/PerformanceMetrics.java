package dev.foresight.metrics;

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
        double rfp = a.riskFreePerPeriod();

        // Pass 1: validation, sums, equity path, downside squares, deepest equity / peak ratio.
        double sumR = 0;
        double sumDownSq = 0;
        double sumTurnover = 0;
        double equity = 1;
        double peak = 1;
        double minRatio = 1;
        double minRatioLimit = widen(minRatio);
        // Constant returns have a standard deviation of exactly 0; the two-pass sum would leave
        // rounding dust (the computed mean of n copies of 0.01 need not be 0.01) and a Sharpe of 1e16.
        double first = netReturns[0];
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            double r = netReturns[i];
            double t = turnover[i];
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("netReturns[" + i + "] must be finite, got " + r);
            }
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("turnover[" + i + "] must be finite and >= 0, got " + t);
            }
            constant &= r == first;
            sumR += r;
            // min(0, x), exactly (x - |x| = 2x or 0, no rounding) and without a branch: the sign
            // of a return is a coin flip, and a mispredicted branch per bar triples the cost.
            double x = r - rfp;
            double down = 0.5 * (x - Math.abs(x));
            sumDownSq += down * down;
            sumTurnover += t;
            equity *= 1 + r;
            if (equity > peak) {
                peak = equity;
            }
            // Only bars that may set a new deepest equity / peak ratio pay for the division; the
            // limit is widened so that rounding in peak * limit can never skip one. Max drawdown
            // is then 1 - minRatio, bit for bit the largest 1 - equity / peak (rounding is monotone).
            // A bound that overflowed to -infinity (a peak near the largest double times a
            // negative ratio) would skip an equity of -infinity, whose ratio is -infinity: divide.
            double bound = peak * minRatioLimit;
            if (equity < bound || bound == Double.NEGATIVE_INFINITY) {
                double ratio = equity / peak;
                if (ratio < minRatio) {
                    minRatio = ratio;
                    minRatioLimit = widen(ratio);
                }
            }
        }
        return of(netReturns, new ReturnTotals(n, a, sumR, sumDownSq, sumTurnover, equity, minRatio, constant));
    }

    /**
     * The metrics of {@code netReturns} from the totals of their first pass (accumulated, for
     * instance, by the backtest that produced them): only the squared deviations from the mean
     * remain to be summed. The formulas are those of {@link #of(double[], double[], Annualisation)},
     * and the result is bit for bit the same when {@code totals} were accumulated as documented.
     *
     * @throws IllegalArgumentException when {@code netReturns} does not have {@code totals.n()} entries
     */
    public static PerformanceMetrics of(double[] netReturns, ReturnTotals totals) {
        Objects.requireNonNull(netReturns, "netReturns");
        Objects.requireNonNull(totals, "totals");
        int n = totals.n();
        if (netReturns.length != n) {
            throw new IllegalArgumentException("the totals are of " + n + " periods, netReturns has "
                    + netReturns.length);
        }
        Annualisation a = totals.annualisation();
        int ppy = a.periodsPerYear();
        double rfp = a.riskFreePerPeriod();
        double sumR = totals.sumReturns();
        double sumDownSq = totals.sumDownsideSquares();
        double sumTurnover = totals.sumTurnover();
        double equity = totals.finalEquity();
        double minRatio = totals.deepestEquityToPeak();
        boolean constant = totals.constant();
        double meanR = sumR / n;
        // mean(r - rf_p) = mean(r) - rf_p, and sd(r - rf_p) = sd(r): shifting by a constant does
        // not change the spread, so one pass of squared deviations serves volatility and Sharpe.
        double meanX = meanR - rfp;
        double maxDrawdown = 1 - minRatio;

        // Pass 2: squared deviations from the mean (two-pass variance), in four interleaved partial
        // sums (lane k takes i ≡ k mod 4) added pairwise at the end. One running sum waits on the
        // previous addition every element; four lanes made this pass 2.5× faster on a million bars
        // (pass 1 is bound by memory, where lanes gained nothing), and pairwise sums round no worse.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = netReturns[i] - meanR;
            double d1 = netReturns[i + 1] - meanR;
            double d2 = netReturns[i + 2] - meanR;
            double d3 = netReturns[i + 3] - meanR;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = netReturns[i] - meanR;
            s0 += d * d;
        }
        double ss = (s0 + s1) + (s2 + s3);
        if (constant) {
            ss = 0;
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));

        double rootPpy = Math.sqrt(ppy);
        double totalReturn = equity - 1;
        // Compounding a negative wealth has no meaning, and Math.pow would happily return a
        // finite (even positive) number whenever ppy / n happens to be an integer.
        double annualReturn = equity < 0 ? Double.NaN : Math.pow(equity, (double) ppy / n) - 1;
        double volatility = sd * rootPpy;
        double sharpe = n < 2 || sd == 0 ? Double.NaN : meanX / sd * rootPpy;
        double downside = Math.sqrt(sumDownSq / n);
        double sortino = downside == 0 ? Double.NaN : meanX / downside * rootPpy;
        double calmar = maxDrawdown == 0 ? Double.NaN : annualReturn / maxDrawdown;
        return new PerformanceMetrics(n, totalReturn, annualReturn, volatility, sharpe, sortino,
                maxDrawdown, calmar, sumTurnover / n);
    }

    /** A little beyond {@code ratio} (toward +infinity), enough to cover two roundings. */
    private static double widen(double ratio) {
        return ratio + Math.abs(ratio) * 0x1p-50;
    }
}
