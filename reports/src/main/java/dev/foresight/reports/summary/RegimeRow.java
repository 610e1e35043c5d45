package dev.foresight.reports.summary;

import dev.foresight.evaluation.RegimeBreakdown;

/**
 * One experiment × detector × regime × model cell of the summary; {@code flagged} when it has
 * fewer than {@link RegimeBreakdown#MIN_BARS} bars. Metrics that do not apply are null.
 */
public record RegimeRow(String experiment, String detector, String regime, String model, int bars, boolean flagged,
                        Double mse, Double rmse, Double mae, Double qlike, Double directionAccuracy, Integer directionCalls,
                        Double sharpe, Double annualReturn, Double maxDrawdown, Double turnover) {

    static RegimeRow of(String experiment, String model, RegimeBreakdown.Cell c) {
        var f = c.forecast();
        var p = c.performance();
        return new RegimeRow(experiment, c.detector(), c.regime(), model, c.n(), c.flagged(),
                SignificanceRow.num(f.mse()), SignificanceRow.num(f.rmse()), SignificanceRow.num(f.mae()),
                c.volatility() == null ? null : SignificanceRow.num(c.volatility().qlike()),
                SignificanceRow.num(f.directionAccuracy()), f.directionCalls(),
                p == null ? null : SignificanceRow.num(p.sharpe()), p == null ? null : SignificanceRow.num(p.annualReturn()),
                p == null ? null : SignificanceRow.num(p.maxDrawdown()), p == null ? null : SignificanceRow.num(p.turnover()));
    }
}
