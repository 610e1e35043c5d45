package dev.foresight.risk;

/**
 * One line of the risk table: a model's {@link RiskProfile} over all its bars (detector and regime
 * empty) or over one regime's, flattened for JSON and CSV; null where a figure does not apply (no
 * trading: no historical VaR; no variance forecast: no VaR backtest).
 *
 * @param distribution the distribution the VaR forecasts assume (e.g. {@code normal}, {@code t})
 */
public record RiskRow(String experiment, String model, String detector, String regime, int n,
                      Double var95, Double es95, Double var99, Double es99,
                      String distribution, Integer varBars,
                      Integer failures95, Double kupiecP95, Double independenceP95, Double conditionalCoverageP95,
                      Integer failures99, Double kupiecP99, Double independenceP99, Double conditionalCoverageP99) {

    /** Flattens a profile. */
    public static RiskRow of(String experiment, String model, String detector, String regime, String distribution,
                             RiskProfile p) {
        VarBacktest b95 = p.backtest95().orElse(null);
        VarBacktest b99 = p.backtest99().orElse(null);
        return new RiskRow(experiment, model, detector, regime, p.n(),
                p.historical95().map(HistoricalRisk::valueAtRisk).orElse(null),
                p.historical95().map(HistoricalRisk::expectedShortfall).orElse(null),
                p.historical99().map(HistoricalRisk::valueAtRisk).orElse(null),
                p.historical99().map(HistoricalRisk::expectedShortfall).orElse(null),
                b95 == null ? null : distribution, b95 == null ? null : b95.n(),
                b95 == null ? null : b95.failures(), b95 == null ? null : b95.kupiec().pValue(),
                b95 == null ? null : b95.independence().pValue(), b95 == null ? null : b95.conditionalCoverage().pValue(),
                b99 == null ? null : b99.failures(), b99 == null ? null : b99.kupiec().pValue(),
                b99 == null ? null : b99.independence().pValue(), b99 == null ? null : b99.conditionalCoverage().pValue());
    }
}
