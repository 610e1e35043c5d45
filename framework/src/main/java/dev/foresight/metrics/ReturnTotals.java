package dev.foresight.metrics;

/**
 * The totals of the first pass of {@link PerformanceMetrics} over {@code n} net returns and their
 * turnover: what the metrics need besides the squared deviations from the mean (which need the
 * mean first). A backtest that produces the net returns can accumulate these as it goes and hand
 * them to {@link PerformanceMetrics#of(double[], ReturnTotals)}, saving a pass over its output
 * (see {@code dev.foresight.backtest.MeasuredBacktest}); {@link PerformanceMetrics#of(double[],
 * double[], Annualisation)} computes them itself. Either way the metrics come out bit for bit the
 * same, provided the totals are accumulated in bar order exactly as documented here.
 *
 * @param n                    number of periods; {@code > 0}
 * @param annualisation        the annualisation the downside squares were taken with
 * @param sumReturns           {@code Σ r}, summed in bar order
 * @param sumDownsideSquares   {@code Σ min(0, r - rf_p)^2}, in bar order, {@code rf_p =
 *                             annualisation.riskFreePerPeriod()}; {@code >= 0}
 * @param sumTurnover          {@code Σ turnover}, in bar order; {@code >= 0}
 * @param finalEquity          {@code prod(1 + r)}, multiplied in bar order from 1
 * @param deepestEquityToPeak  {@code min(1, min_i equity_i / max(1, max_{j <= i} equity_j))};
 *                             {@code <= 1}
 * @param constant             whether every {@code r} equals the first (bit for bit, as {@code ==})
 */
public record ReturnTotals(int n, Annualisation annualisation, double sumReturns, double sumDownsideSquares,
                           double sumTurnover, double finalEquity, double deepestEquityToPeak, boolean constant) {

    public ReturnTotals {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        if (annualisation == null) {
            throw new NullPointerException("annualisation");
        }
        if (!(sumDownsideSquares >= 0) || !(sumTurnover >= 0)) {
            throw new IllegalArgumentException("sums of squares and of turnover must be >= 0, got "
                    + sumDownsideSquares + " and " + sumTurnover);
        }
        if (!(deepestEquityToPeak <= 1)) {
            throw new IllegalArgumentException("deepestEquityToPeak must be <= 1, got " + deepestEquityToPeak);
        }
    }
}
