package dev.foresight.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of a {@link Backtest}, one entry per bar {@code i} in every array (all of length
 * {@code n}); see {@link Backtest#run} for how each is defined.
 *
 * <p>The arrays are held as given, not copied: results of million-bar backtests are passed
 * around on the hot path, and a copy per access would dominate the cost. Treat them as
 * read-only; copy before modifying. {@code equals} and {@code hashCode} compare contents.
 *
 * @param grossReturns {@code positions[i] * assetReturns[i]}
 * @param costs        cost charged at bar {@code i}, as a fraction of equity
 * @param netReturns   {@code grossReturns[i] - costs[i]}
 * @param turnover     {@code |positions[i] - previous position|}
 * @param equity       compounded net returns, starting from 1 before bar 0
 * @param drawdown     {@code equity[i] / max(1, running peak) - 1}, always {@code <= 0}
 */
public record BacktestResult(double[] grossReturns, double[] costs, double[] netReturns,
                             double[] turnover, double[] equity, double[] drawdown) {

    public BacktestResult {
        Objects.requireNonNull(grossReturns, "grossReturns");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(netReturns, "netReturns");
        Objects.requireNonNull(turnover, "turnover");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(drawdown, "drawdown");
        int n = grossReturns.length;
        if (costs.length != n || netReturns.length != n || turnover.length != n
                || equity.length != n || drawdown.length != n) {
            throw new IllegalArgumentException("all result series must have the same length; got grossReturns="
                    + n + ", costs=" + costs.length + ", netReturns=" + netReturns.length
                    + ", turnover=" + turnover.length + ", equity=" + equity.length
                    + ", drawdown=" + drawdown.length);
        }
    }

    /**
     * A result whose equity and drawdown are compounded from {@code netReturns}, starting from 1:
     * for paths assembled from parts (folds joined across gaps, a portfolio's book) rather than
     * run bar by bar through {@link Backtest#run}.
     */
    public static BacktestResult compounding(double[] grossReturns, double[] costs, double[] netReturns,
                                             double[] turnover) {
        int n = netReturns.length;
        double[] equity = new double[n];
        double[] drawdown = new double[n];
        double level = 1;
        double peak = 1;
        for (int i = 0; i < n; i++) {
            level *= 1 + netReturns[i];
            peak = Math.max(peak, level);
            equity[i] = level;
            drawdown[i] = level / peak - 1;
        }
        return new BacktestResult(grossReturns, costs, netReturns, turnover, equity, drawdown);
    }

    /** Number of bars. */
    public int size() {
        return grossReturns.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestResult other
                && Arrays.equals(grossReturns, other.grossReturns)
                && Arrays.equals(costs, other.costs)
                && Arrays.equals(netReturns, other.netReturns)
                && Arrays.equals(turnover, other.turnover)
                && Arrays.equals(equity, other.equity)
                && Arrays.equals(drawdown, other.drawdown);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(grossReturns);
        h = 31 * h + Arrays.hashCode(costs);
        h = 31 * h + Arrays.hashCode(netReturns);
        h = 31 * h + Arrays.hashCode(turnover);
        h = 31 * h + Arrays.hashCode(equity);
        return 31 * h + Arrays.hashCode(drawdown);
    }

    /** A summary, not the series (which can hold millions of bars). */
    @Override
    public String toString() {
        int n = size();
        return "BacktestResult[n=" + n + (n == 0 ? "" : ", finalEquity=" + equity[n - 1]) + "]";
    }
}
