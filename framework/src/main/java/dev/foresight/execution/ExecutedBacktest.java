package dev.foresight.execution;

import dev.foresight.backtest.Backtest;
import dev.foresight.backtest.BacktestResult;
import dev.foresight.backtest.CostModel;
import dev.foresight.strategy.Strategy;
import java.util.Objects;

/**
 * The backtest when the trade happens inside the bar ({@link Execution#NEXT_OPEN}): each bar's
 * asset return comes in two {@link Legs}, the one before the trade earned by the previous
 * position, the one after it by the new one.
 *
 * <p>For bar i with previous position {@code q} (the initial position for i = 0), new position
 * {@code p}, legs {@code (b, a)} and cost rate {@code c} per unit of turnover:
 * <ul>
 *   <li>{@code turnover = |p − q|};</li>
 *   <li>{@code gross = (1 + q·b)(1 + p·a) − 1};</li>
 *   <li>{@code cost = |p − q|·c·(1 + q·b)}: the traded notional at the trade, as a fraction of the
 *       capital at the previous close (the capital at the open is {@code 1 + q·b} of it);</li>
 *   <li>{@code net = gross − cost = (1 + q·b)(1 + p·a − |p − q|·c) − 1}.</li>
 * </ul>
 * With {@code b = 0} on every bar (execution at the close) this is {@link Backtest#run} bit for
 * bit. Equity and drawdown as there.
 */
public final class ExecutedBacktest {

    private ExecutedBacktest() {
    }

    /**
     * @param positions       positions decided at each bar's close, within {@code ±Strategy.LEVERAGE_LIMIT}
     * @param legs            each bar's two legs; same length as positions
     * @param initialPosition the position held before bar 0 (0 for a fresh start)
     * @throws IllegalArgumentException on empty or mismatched inputs or out-of-range positions
     */
    public static BacktestResult run(double[] positions, Legs[] legs, CostModel costs, double initialPosition) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(legs, "legs");
        Objects.requireNonNull(costs, "costs");
        int n = positions.length;
        if (n == 0 || legs.length != n) {
            throw new IllegalArgumentException("one leg pair per position, at least one bar; got " + n + " positions and "
                    + legs.length + " legs");
        }
        double limit = Strategy.LEVERAGE_LIMIT;
        if (!(Math.abs(initialPosition) <= limit)) {
            throw new IllegalArgumentException("initialPosition must be within ±" + limit + ", got " + initialPosition);
        }
        double rate = costs.ratePerUnitTurnover();
        double[] gross = new double[n];
        double[] cost = new double[n];
        double[] net = new double[n];
        double[] turnover = new double[n];
        double[] equity = new double[n];
        double[] drawdown = new double[n];
        double previous = initialPosition;
        double level = 1;
        double peak = 1;
        for (int i = 0; i < n; i++) {
            double p = positions[i];
            if (!(Math.abs(p) <= limit)) {
                throw new IllegalArgumentException("positions[" + i + "] must be within ±" + limit + ", got " + p);
            }
            Legs l = Objects.requireNonNull(legs[i], "legs[" + i + "]");
            double traded = Math.abs(p - previous);
            // Kept as a bare product when nothing happens before the trade, so a close-execution
            // path reproduces Backtest.run exactly (see Legs.grossReturn).
            double atTrade = l.before() == 0 ? 1 : 1 + previous * l.before();
            double c = l.before() == 0 ? traded * rate : traded * rate * atTrade;
            double g = l.grossReturn(previous, p);
            double r = g - c;
            level *= 1 + r;
            peak = Math.max(peak, level);
            turnover[i] = traded;
            cost[i] = c;
            gross[i] = g;
            net[i] = r;
            equity[i] = level;
            drawdown[i] = level / peak - 1;
            previous = p;
        }
        return new BacktestResult(gross, cost, net, turnover, equity, drawdown);
    }
}
