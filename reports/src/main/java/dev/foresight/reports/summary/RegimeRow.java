package dev.foresight.reports.summary;

import dev.foresight.evaluation.RegimeBreakdown;

/**
 * One experiment × detector × regime × model cell of the summary; {@code flagged} when it has
 * fewer than {@link RegimeBreakdown#MIN_BARS} bars. Metrics that do not apply are null.
 *
 * <p>The trading figures are regime-conditional ({@link dev.foresight.evaluation.RegimeTrading}):
 * moments of the net returns of the regime's bars, annualised with the batch's periods per year —
 * {@code meanReturn} (mean × ppy), {@code volatility} (sample sd × √ppy), {@code sharpe}, and
 * {@code hitRate}, the share of the bars in the market ({@code barsInMarket}) that earned a positive
 * net return. There is deliberately no drawdown or compound annual return per regime: the regime's
 * bars are not a path anyone traded; those figures belong to the whole path ({@link SummaryRow}).
 */
public record RegimeRow(String experiment, String detector, String regime, String model, int bars, boolean flagged,
                        Double mse, Double rmse, Double mae, Double qlike, Double directionAccuracy, Integer directionCalls,
                        Double meanReturn, Double volatility, Double sharpe, Integer barsInMarket, Double hitRate,
                        Double turnover) {

    static RegimeRow of(String experiment, String model, RegimeBreakdown.Cell c) {
        var f = c.forecast();
        var t = c.trading();
        return new RegimeRow(experiment, c.detector(), c.regime(), model, c.n(), c.flagged(),
                SignificanceRow.num(f.mse()), SignificanceRow.num(f.rmse()), SignificanceRow.num(f.mae()),
                c.volatility() == null ? null : SignificanceRow.num(c.volatility().qlike()),
                SignificanceRow.num(f.directionAccuracy()), f.directionCalls(),
                t == null ? null : SignificanceRow.num(t.meanReturn()), t == null ? null : SignificanceRow.num(t.volatility()),
                t == null ? null : SignificanceRow.num(t.sharpe()), t == null ? null : t.barsInMarket(),
                t == null ? null : SignificanceRow.num(t.hitRate()), t == null ? null : SignificanceRow.num(t.turnover()));
    }
}
