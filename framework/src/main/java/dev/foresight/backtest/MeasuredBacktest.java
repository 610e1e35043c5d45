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
        double rate = costs.ratePerUnitTurnover();
        double rfp = annualisation.riskFreePerPeriod();
        double[] gross = buffers.gross;
        double[] cost = buffers.cost;
        double[] net = buffers.net;
        double[] turnover = buffers.turnover;
        double[] equity = buffers.equity;
        double[] drawdown = buffers.drawdown;
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
            turnover[i] = t;
            cost[i] = c;
            gross[i] = g;
            net[i] = nr;
            equity[i] = eq;
            drawdown[i] = ratio - 1;
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
        BacktestResult result = new BacktestResult(gross, cost, net, turnover, equity, drawdown);
        ReturnTotals totals = new ReturnTotals(n, annualisation, sumR, sumDownSq, sumTurnover, eq, minRatio,
                constant);
        return new MeasuredBacktest(result, PerformanceMetrics.of(net, totals));
    }
}
