package dev.foresight.backtest;

/**
 * Six result series of {@code n} bars, allocated once and overwritten by every
 * {@link MeasuredBacktest#run(double[], double[], CostModel, double, dev.foresight.metrics.Annualisation,
 * BacktestBuffers) run} that is given them.
 *
 * <p>Why: a backtest of a million bars writes 48 MB of results, and allocating them fresh costs
 * the JVM as much again in zeroing (measured: a third of the backtest's time). Code that runs many
 * backtests of one length and keeps only their metrics (a parameter sweep, a benchmark, a
 * permutation test) passes the same buffers to each. The {@link BacktestResult} such a run returns
 * is a view of these arrays, valid until the next run that uses them; copy what must outlive it.
 * Not thread-safe: one set of buffers per thread.
 */
public final class BacktestBuffers {

    final double[] gross;
    final double[] cost;
    final double[] net;
    final double[] turnover;
    final double[] equity;
    final double[] drawdown;

    private BacktestBuffers(int n) {
        gross = new double[n];
        cost = new double[n];
        net = new double[n];
        turnover = new double[n];
        equity = new double[n];
        drawdown = new double[n];
    }

    /** Buffers for backtests of exactly {@code n} bars; {@code n > 0}. */
    public static BacktestBuffers of(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("buffers need n > 0 bars, got " + n);
        }
        return new BacktestBuffers(n);
    }

    /** The number of bars these buffers hold. */
    public int size() {
        return net.length;
    }
}
