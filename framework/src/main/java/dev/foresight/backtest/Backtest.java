package dev.foresight.backtest;

import dev.foresight.strategy.Strategy;
import java.util.Objects;

/**
 * The backtest engine: a pure function from positions and realised returns to strategy returns
 * after costs. One pass over the bars, no allocation besides the result arrays.
 */
public final class Backtest {

    /** Positions beyond this are refused: no strategy may lever further (see the strategy contract). */
    static final double LIMIT = Strategy.LEVERAGE_LIMIT;

    private Backtest() {
    }

    /**
     * Runs a backtest.
     *
     * <p>{@code positions[i]} (a fraction of capital, within {@code ±Strategy.LEVERAGE_LIMIT}) is set at the close of bar {@code i} and earns
     * {@code assetReturns[i]}, the simple return from the close of bar {@code i} to the close of
     * bar {@code i + 1}. For every bar {@code i}:
     * <ul>
     *   <li>{@code turnover[i] = |positions[i] - previous|}, where {@code previous} is
     *       {@code initialPosition} for {@code i = 0} and {@code positions[i - 1]} after that;</li>
     *   <li>{@code costs[i] = turnover[i] * costs.ratePerUnitTurnover()};</li>
     *   <li>{@code grossReturns[i] = positions[i] * assetReturns[i]};</li>
     *   <li>{@code netReturns[i] = grossReturns[i] - costs[i]};</li>
     *   <li>{@code equity[i] = prod_{j <= i} (1 + netReturns[j])}, i.e. equity starts at 1 before bar 0;</li>
     *   <li>{@code drawdown[i] = equity[i] / max(1, max_{j <= i} equity[j]) - 1}, so the starting
     *       equity of 1 counts as a peak and drawdown is always {@code <= 0}.</li>
     * </ul>
     * Costs are charged at the close where the position changes, so they reduce that bar's net
     * return. Closing out the last position is not charged (there is no bar to charge it on).
     *
     * @param positions       target positions, each finite and within {@code ±Strategy.LEVERAGE_LIMIT}
     * @param assetReturns    simple returns, each finite and {@code >= -1}; same length as positions
     * @param costs           the cost model
     * @param initialPosition the position held before bar 0 (0 for a fresh start), within the same bound
     * @throws IllegalArgumentException on empty or mismatched inputs, NaN, or out-of-range values
     */
    public static BacktestResult run(double[] positions, double[] assetReturns, CostModel costs,
                                     double initialPosition) {
        requireArguments(positions, assetReturns, costs, initialPosition);
        int n = positions.length;
        double rate = costs.ratePerUnitTurnover();
        double[] gross = new double[n];
        double[] cost = new double[n];
        double[] net = new double[n];
        double[] turnover = new double[n];
        double[] equity = new double[n];
        double[] drawdown = new double[n];
        double previous = initialPosition;
        double eq = 1;
        double peak = 1;
        for (int i = 0; i < n; i++) {
            double p = positions[i];
            double r = assetReturns[i];
            requireBar(i, p, r);
            double t = Math.abs(p - previous);
            double c = t * rate;
            double g = p * r;
            double nr = g - c;
            eq *= 1 + nr;
            if (eq > peak) {
                peak = eq;
            }
            turnover[i] = t;
            cost[i] = c;
            gross[i] = g;
            net[i] = nr;
            equity[i] = eq;
            drawdown[i] = eq / peak - 1;
            previous = p;
        }
        return new BacktestResult(gross, cost, net, turnover, equity, drawdown);
    }

    /**
     * Refuses null inputs, an empty backtest, positions and returns of different lengths, or an
     * initial position beyond the leverage limit; shared by every backtest entry point.
     */
    static void requireArguments(double[] positions, double[] assetReturns, CostModel costs, double initialPosition) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(assetReturns, "assetReturns");
        Objects.requireNonNull(costs, "costs");
        int n = positions.length;
        if (n == 0) {
            throw new IllegalArgumentException("a backtest needs at least one bar");
        }
        if (assetReturns.length != n) {
            throw new IllegalArgumentException("positions and assetReturns must have the same length; got "
                    + n + " and " + assetReturns.length);
        }
        if (!(Math.abs(initialPosition) <= LIMIT)) {
            throw new IllegalArgumentException("initialPosition must be within ±" + LIMIT + ", got " + initialPosition);
        }
    }

    /**
     * Refuses bar {@code i}'s position {@code p} (beyond the leverage limit) or asset return
     * {@code r} (not a finite simple return ≥ −1), naming the bar; shared by every backtest loop.
     */
    static void requireBar(int i, double p, double r) {
        // Negated comparisons so that NaN fails them too.
        if (!(Math.abs(p) <= LIMIT)) {
            throw new IllegalArgumentException("positions[" + i + "] must be within ±" + LIMIT + ", got " + p);
        }
        if (!(r >= -1 && r < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("assetReturns[" + i
                    + "] must be a finite simple return >= -1, got " + r);
        }
    }
}
