package dev.foresight.backtest;

/**
 * Transaction costs in basis points per unit of turnover ({@code |Δposition|}), plus optional
 * slippage in basis points, charged on every position change.
 *
 * <p>Turnover is one-way: going from flat to fully long is 1 unit, flipping from +1 to -1 is
 * 2 units. So {@code new CostModel(5, 1)} charges 6 bps of equity for a 0 → 1 move and 12 bps
 * for a +1 → -1 flip.
 *
 * @param costBps     commission and spread, basis points per unit of turnover; finite, {@code >= 0}
 * @param slippageBps additional slippage, basis points per unit of turnover; finite, {@code >= 0}
 */
public record CostModel(double costBps, double slippageBps) {

    /** No costs at all. */
    public static final CostModel NONE = new CostModel(0, 0);

    public CostModel {
        requireNonNegativeFinite("costBps", costBps);
        requireNonNegativeFinite("slippageBps", slippageBps);
    }

    /** The fraction of equity charged per unit of turnover: {@code (costBps + slippageBps) / 10_000}. */
    public double ratePerUnitTurnover() {
        return (costBps + slippageBps) / 10_000;
    }

    private static void requireNonNegativeFinite(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
