package dev.foresight.backtest;

import dev.foresight.metrics.Annualisation;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.metrics.ReturnTotals;
import java.util.Objects;

/**
 * A backtest together with the performance metrics of its net returns, computed in one pass over
 * the bars plus the variance pass: {@link Backtest#run} followed by
 * {@link PerformanceMetrics#of(double[], double[], Annualisation)} reads every net return and
 * turnover back from memory after writing them, which on a million bars is a fifth of the work.
 *
 * <p>The series are exactly {@link Backtest#run}'s and the metrics exactly
 * {@link PerformanceMetrics#of(double[], double[], Annualisation)}'s, bit for bit (same operations
 * in the same order; {@code MeasuredBacktestTest} compares them on random inputs), and the same
 * inputs are refused with the same messages.
 *
 * @param result  the backtest's series (a view of the buffers when the run was given some)
 * @param metrics the performance metrics of {@code result.netReturns()} and {@code result.turnover()}
 */
public record MeasuredBacktest(BacktestResult result, PerformanceMetrics metrics) {

    public MeasuredBacktest {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(metrics, "metrics");
        if (metrics.n() != result.size()) {
            throw new IllegalArgumentException("metrics of " + metrics.n() + " periods for a backtest of "
                    + result.size() + " bars");
        }
    }

    /** {@link Backtest#run} and the metrics of its result, into fresh arrays. */
    public static MeasuredBacktest run(double[] positions, double[] assetReturns, CostModel costs,
                                       double initialPosition, Annualisation annualisation) {
        Objects.requireNonNull(positions, "positions");
        return run(positions, assetReturns, costs, initialPosition, annualisation,
                positions.length == 0 ? null : BacktestBuffers.of(positions.length));
    }

    /**
     * {@link Backtest#run} and the metrics of its result, written into {@code buffers}: the
     * returned series are a view of them, overwritten by the next run that uses them.
     *
     * @throws IllegalArgumentException as {@link Backtest#run} and {@link PerformanceMetrics#of(double[],
     *                                  double[], Annualisation)} do, or when the buffers are not of
     *                                  {@code positions.length} bars
     */
    public static MeasuredBacktest run(double[] positions, double[] assetReturns, CostModel costs,
                                       double initialPosition, Annualisation annualisation,
                                       BacktestBuffers buffers) {
        Backtest.requireArguments(positions, assetReturns, costs, initialPosition);
        Objects.requireNonNull(annualisation, "annualisation");
        int n = positions.length;
        Objects.requireNonNull(buffers, "buffers");
        if (buffers.size() != n) {
            throw new IllegalArgumentException("buffers of " + buffers.size() + " bars for a backtest of " + n);
        }
        ReturnTotals totals = pass(positions, assetReturns, costs, initialPosition, annualisation, buffers.net,
                buffers);
        BacktestResult result = new BacktestResult(buffers.gross, buffers.cost, buffers.net, buffers.turnover,
                buffers.equity, buffers.drawdown);
        return new MeasuredBacktest(result, PerformanceMetrics.of(buffers.net, totals));
    }

    /**
     * Only the performance metrics of {@link Backtest#run}'s result, bit for bit those of
     * {@link #run} and of {@link PerformanceMetrics#of(double[], double[], Annualisation)}: for
     * callers that keep no series (an out-of-sample score), which then do not pay for writing five
     * of the six. The net returns are still written, to one array, because the variance pass needs
     * their mean first.
     *
     * @throws IllegalArgumentException as {@link #run} does
     */
    public static PerformanceMetrics metrics(double[] positions, double[] assetReturns, CostModel costs,
                                             double initialPosition, Annualisation annualisation) {
        Backtest.requireArguments(positions, assetReturns, costs, initialPosition);
        Objects.requireNonNull(annualisation, "annualisation");
        double[] net = new double[positions.length];
        ReturnTotals totals = pass(positions, assetReturns, costs, initialPosition, annualisation, net, null);
        return PerformanceMetrics.of(net, totals);
    }

    /**
     * Bars per call of {@link Pass#block}. Why blocks at all: the JIT compiles a method whose one
     * loop runs a million times per call, and that is called a few dozen times, only as an
     * on-stack replacement of the running loop, whose code was measured 1.5 times slower and
     * varying from one JVM to the next (bench/backtest README, 2026-12-07); a method called once
     * per block is compiled as a whole. 4,096 bars make the calls' cost negligible.
     */
    static final int BLOCK = 4096;

    /**
     * The backtest's pass over the bars: writes the net returns into {@code net} and, when
     * {@code buffers} is not null, every series into them; returns the metrics' first-pass totals.
     */
    private static ReturnTotals pass(double[] positions, double[] assetReturns, CostModel costs,
                                     double initialPosition, Annualisation annualisation, double[] net,
                                     BacktestBuffers buffers) {
        int n = positions.length;
        Pass pass = new Pass(costs.ratePerUnitTurnover(), annualisation.riskFreePerPeriod(), initialPosition);
        for (int lo = 0, hi; lo < n; lo = hi) {
            hi = lo + Math.min(BLOCK, n - lo);
            pass.block(positions, assetReturns, net, buffers, lo, hi);
        }
        // Whether every net return equals the first (bit for bit, as ==): tested after the pass
        // rather than per bar, since a series that is not constant (all but degenerate ones)
        // stops the scan at its first differing bar.
        double first = net[0];
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = net[i] == first;
        }
        return new ReturnTotals(n, annualisation, pass.sumR, pass.sumDownSq, pass.sumTurnover, pass.equity,
                pass.minRatio, constant);
    }

    /** The state of the pass from one block of bars to the next, and the loop over a block. */
    private static final class Pass {

        private final double rate;
        private final double riskFreePerPeriod;
        private double previous;
        private double equity = 1;
        private double peak = 1;
        // PerformanceMetrics' first-pass totals, accumulated in the same order with the same
        // operations (see ReturnTotals), so the metrics agree bit for bit.
        private double sumR;
        private double sumDownSq;
        private double sumTurnover;
        private double minRatio = 1;

        Pass(double rate, double riskFreePerPeriod, double initialPosition) {
            this.rate = rate;
            this.riskFreePerPeriod = riskFreePerPeriod;
            this.previous = initialPosition;
        }

        /**
         * Bars {@code lo} (inclusive) to {@code hi}: the net returns into {@code net} and, when
         * {@code buffers} is not null, every series into them. One loop for both uses: C2
         * unswitches a loop on such a loop-invariant test (one copy of the loop per outcome), so
         * neither use pays for the other. The state lives in locals during the loop.
         */
        void block(double[] positions, double[] assetReturns, double[] net, BacktestBuffers buffers, int lo, int hi) {
            boolean series = buffers != null;
            double[] gross = series ? buffers.gross : null;
            double[] cost = series ? buffers.cost : null;
            double[] turnover = series ? buffers.turnover : null;
            double[] equities = series ? buffers.equity : null;
            double[] drawdown = series ? buffers.drawdown : null;
            double rate = this.rate;
            double rfp = riskFreePerPeriod;
            double prev = previous;
            double eq = equity;
            double pk = peak;
            double sr = sumR;
            double sd = sumDownSq;
            double st = sumTurnover;
            double min = minRatio;
            for (int i = lo; i < hi; i++) {
                double p = positions[i];
                double r = assetReturns[i];
                double t = Math.abs(p - prev);
                double c = t * rate;
                double g = p * r;
                double nr = g - c;
                // Three tests instead of Backtest.requireBar's three and the net return's one:
                // an infinite return makes the net return infinite or NaN (0 * infinity), so the
                // last test catches it, and refusal() then names what the bar-by-bar checks name.
                if (!(Math.abs(p) <= Backtest.LIMIT)) {
                    throw refusal(positions, assetReturns, i, nr);
                }
                if (!(r >= -1)) {
                    throw refusal(positions, assetReturns, i, nr);
                }
                if (!(Math.abs(nr) < Double.POSITIVE_INFINITY)) {
                    throw refusal(positions, assetReturns, i, nr);
                }
                eq *= 1 + nr;
                if (eq > pk) {
                    pk = eq;
                }
                double ratio = eq / pk;
                if (series) {
                    turnover[i] = t;
                    cost[i] = c;
                    gross[i] = g;
                    equities[i] = eq;
                    drawdown[i] = ratio - 1;
                }
                net[i] = nr;
                prev = p;

                sr += nr;
                double x = nr - rfp;
                double down = 0.5 * (x - Math.abs(x));  // min(0, x) exactly, without a branch
                sd += down * down;
                st += t;
                // The deepest equity / peak: PerformanceMetrics finds the same minimum of the same
                // quotients (it skips the divisions that cannot set it); here they are computed anyway.
                if (ratio < min) {
                    min = ratio;
                }
            }
            previous = prev;
            equity = eq;
            peak = pk;
            sumR = sr;
            sumDownSq = sd;
            sumTurnover = st;
            minRatio = min;
        }

        /**
         * The error of the two-step path (Backtest.run, then PerformanceMetrics.of) for inputs
         * whose bar {@code i} failed a test of {@link #block}, every bar before it having passed:
         * {@link Backtest#requireBar}'s for bar {@code i}; else (a finite return whose net return
         * overflowed) that of the first invalid bar after it, since Backtest.run checks every
         * bar's inputs before PerformanceMetrics.of sees a net return; else the net return's.
         */
        private static IllegalArgumentException refusal(double[] positions, double[] assetReturns, int i, double nr) {
            for (int j = i; j < positions.length; j++) {
                Backtest.requireBar(j, positions[j], assetReturns[j]);
            }
            return new IllegalArgumentException("netReturns[" + i + "] must be finite, got " + nr);
        }
    }
}
