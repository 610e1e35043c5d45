package dev.foresight.reports.summary;

import dev.foresight.evaluation.ModelScore;
import java.util.List;

/**
 * One line of the summary: a model's out-of-sample scores in one experiment. Metrics that do not
 * apply (no trading for a volatility target; no direction calls for a random walk) are null.
 */
public record SummaryRow(String experiment, String model, String target, int folds, int failedFolds, int bars,
                         Double mse, Double rmse, Double mae, Double varianceMse, Double qlike,
                         Double directionAccuracy, Integer directionCalls,
                         Double sharpe, Double sortino, Double maxDrawdown, Double calmar, Double annualReturn,
                         Double annualVolatility, Double turnover, ChecksVerdict checks,
                         List<String> warnings) {

    public SummaryRow {
        if (checks == null) {
            throw new IllegalArgumentException("a summary row has a checks verdict (passed, LEAKING or unchecked)");
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    static SummaryRow of(ModelScore s, ChecksVerdict checks, List<String> warnings) {
        var f = s.forecast();
        var p = s.performance();
        return new SummaryRow(s.experiment(), s.model(), s.target(), s.folds(), s.failedFolds(), s.bars(),
                f == null ? null : num(f.mse()), f == null ? null : num(f.rmse()), f == null ? null : num(f.mae()),
                s.volatility() == null ? null : num(s.volatility().varianceMse()),
                s.volatility() == null ? null : num(s.volatility().qlike()),
                f == null ? null : num(f.directionAccuracy()), f == null ? null : f.directionCalls(),
                p == null ? null : num(p.sharpe()), p == null ? null : num(p.sortino()),
                p == null ? null : num(p.maxDrawdown()), p == null ? null : num(p.calmar()),
                p == null ? null : num(p.annualReturn()), p == null ? null : num(p.annualVolatility()),
                p == null ? null : num(p.turnover()), checks, warnings);
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
