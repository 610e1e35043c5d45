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
     * The backtest's pass over the bars: writes the net returns into {@code net} and, when
     * {@code buffers} is not null, every series into them; returns the metrics' first-pass totals.
     * One loop for both uses: C2 unswitches a loop on such a loop-invariant test (one copy of the
     * loop per outcome), so neither use should pay for the other; bench/backtest's "metrics only"
     * row is the faster one, as it should be.
     */
    private static ReturnTotals pass(double[] positions, double[] assetReturns, CostModel costs,
                                     double initialPosition, Annualisation annualisation, double[] net,
                                     BacktestBuffers buffers) {
        int n = positions.length;
        boolean series = buffers != null;
        double rate = costs.ratePerUnitTurnover();
        double rfp = annualisation.riskFreePerPeriod();
        double[] gross = series ? buffers.gross : null;
        double[] cost = series ? buffers.cost : null;
        double[] turnover = series ? buffers.turnover : null;
        double[] equity = series ? buffers.equity : null;
        double[] drawdown = series ? buffers.drawdown : null;
        double previous = initialPosition;
        double eq = 1;
        double peak = 1;
        // PerformanceMetrics' first-pass totals, accumulated in the same order with the same
        // operations (see ReturnTotals), so the metrics agree bit for bit.
        double sumR = 0;
        double sumDownSq = 0;
        double sumTurnover = 0;
        double minRatio = 1;
        // The first net return, computed as the loop will (if bar 0 is invalid, the loop refuses it).
        double first = positions[0] * assetReturns[0] - Math.abs(positions[0] - initialPosition) * rate;
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            double p = positions[i];
            double r = assetReturns[i];
            Backtest.requireBar(i, p, r);
            double t = Math.abs(p - previous);
            double c = t * rate;
            double g = p * r;
            double nr = g - c;
            // A huge (finite) return times a position can overflow: Backtest.run would return the
            // infinity and PerformanceMetrics.of refuse it; refuse it here with its message.
            if (!(Math.abs(nr) < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("netReturns[" + i + "] must be finite, got " + nr);
            }
            eq *= 1 + nr;
            if (eq > peak) {
                peak = eq;
            }
            double ratio = eq / peak;
            if (series) {
                turnover[i] = t;
                cost[i] = c;
                gross[i] = g;
                equity[i] = eq;
                drawdown[i] = ratio - 1;
            }
            net[i] = nr;
            previous = p;

            constant &= nr == first;
            sumR += nr;
            double x = nr - rfp;
            double down = 0.5 * (x - Math.abs(x));  // min(0, x) exactly, without a branch
            sumDownSq += down * down;
            sumTurnover += t;
            // The deepest equity / peak: PerformanceMetrics finds the same minimum of the same
            // quotients (it skips the divisions that cannot set it); here they are computed anyway.
            if (ratio < minRatio) {
                minRatio = ratio;
            }
        }
        return new ReturnTotals(n, annualisation, sumR, sumDownSq, sumTurnover, eq, minRatio, constant);
    }
}
