package dev.foresight.reports.html;

import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.SummaryRow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per experiment × model × regime × metric (long format, easy to pivot
 * in a spreadsheet). The whole out-of-sample path is detector {@code all}, regime {@code all}.
 *
 * <p>Text cells that a spreadsheet would read as a formula — starting with {@code = + - @}, a tab
 * or a carriage return — are prefixed with an apostrophe (OWASP's advice against CSV injection).
 * Numbers are written as numbers (a negative number is a number, not a formula).
 */
final class MetricsCsv {

    private MetricsCsv() {
    }

    static String of(ReportInput in) {
        StringBuilder out = new StringBuilder("experiment,model,detector,regime,bars,metric,value\n");
        for (ReportInput.Experiment e : in.experiments()) {
            for (ReportInput.ModelRun m : e.models()) {
                SummaryRow r = m.row();
                if (r == null) {
                    continue;
                }
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("mse", r.mse());
                v.put("rmse", r.rmse());
                v.put("mae", r.mae());
                v.put("qlike", Scores.qlike(m));
                v.put("direction_accuracy", r.directionAccuracy());
                v.put("direction_calls", r.directionCalls());
                v.put("sharpe", r.sharpe());
                v.put("sortino", r.sortino());
                v.put("max_drawdown", r.maxDrawdown());
                v.put("calmar", r.calmar());
                v.put("annual_return", r.annualReturn());
                v.put("annual_volatility", r.annualVolatility());
                v.put("turnover", r.turnover());
                v.put("folds", r.folds());
                v.put("failed_folds", r.failedFolds());
                SignificanceRow t = m.tests();
                if (t != null) {
                    v.put("dm_squared_p", t.dmSquaredP());
                    v.put("dm_absolute_p", t.dmAbsoluteP());
                    v.put("pt_p", t.ptP());
                    v.put("psr", t.psr());
                    v.put("dsr", t.dsr());
                    // beside the figure: the configurations searched in this experiment it was deflated by
                    v.put("dsr_trials", t.dsrTrials());
                    v.put("sharpe_ci_low", t.sharpeLow());
                    v.put("sharpe_ci_high", t.sharpeHigh());
                    v.put("sharpe_difference_ci_low", t.sharpeDifferenceLow());
                    v.put("sharpe_difference_ci_high", t.sharpeDifferenceHigh());
                }
                rows(out, e.name(), m.name(), "all", "all", r.bars(), v);
            }
        }
        for (RegimeRow c : in.scorecard().regimes()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("mse", c.mse());
            v.put("rmse", c.rmse());
            v.put("mae", c.mae());
            v.put("qlike", c.qlike());
            v.put("direction_accuracy", c.directionAccuracy());
            v.put("direction_calls", c.directionCalls());
            // regime-conditional: moments of the regime's bars; drawdown and annual return only for "all"
            v.put("mean_return", c.meanReturn());
            v.put("volatility", c.volatility());
            v.put("sharpe", c.sharpe());
            v.put("bars_in_market", c.barsInMarket());
            v.put("hit_rate", c.hitRate());
            v.put("turnover", c.turnover());
            v.put("flagged_few_bars", c.flagged() ? 1 : 0);
            rows(out, c.experiment(), c.model(), c.detector(), c.regime(), c.bars(), v);
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, String experiment, String model, String detector, String regime, int bars,
                             Map<String, Object> values) {
        values.forEach((metric, value) -> {
            if (value == null) {
                return;
            }
            out.append(text(experiment)).append(',').append(text(model)).append(',').append(text(detector)).append(',')
                    .append(text(regime)).append(',').append(bars).append(',').append(metric).append(',')
                    .append(value).append('\n');
        });
    }

    /** A text cell: neutralised if a spreadsheet would evaluate it, then quoted if needed. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
