package dev.foresight.reports.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.foresight.evaluation.PortfolioEvaluation;
import dev.foresight.evaluation.Significance;
import dev.foresight.metrics.PerformanceMetrics;
import dev.foresight.statistics.StationaryBootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's portfolio as written to {@code portfolio.json} and {@code summary_portfolio.csv}:
 * its trading figures, each asset's annualised contribution, and the tests on its returns. Figures
 * that do not apply are null; {@code error} says why a portfolio could not be formed.
 */
public record PortfolioRow(String portfolio, String model, String weighting, List<String> assets, int bars,
                           Double sharpe, Double annualReturn, Double annualVolatility, Double maxDrawdown,
                           Double turnover, Map<String, Double> contributions, Double psr, Double dsr, Double sharpeLow,
                           Double sharpeHigh, Double sharpeDifferenceLow, Double sharpeDifferenceHigh, Double dmSquaredP,
                           Double dmAbsoluteP, Double pesaranTimmermannP, String baseline, String error,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String execution) {

    /**
     * @param execution {@code next-open} when the members trade at the next bar's open; null (left
     *                  out of the file) at the close, so such portfolio.json files keep their bytes
     */
    static PortfolioRow of(PortfolioEvaluation e, String execution) {
        if (!e.ok()) {
            return new PortfolioRow(e.portfolio(), e.model(), e.weighting().yamlName(), e.assets(), 0, null, null, null,
                    null, null, Map.of(), null, null, null, null, null, null, null, null, null, null, e.error(), execution);
        }
        PerformanceMetrics m = e.metrics();
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int a = 0; a < e.assets().size(); a++) {
            contributions.put(e.assets().get(a), e.contributions()[a]);
        }
        Significance s = e.significance();
        StationaryBootstrap.Interval sharpe = s == null ? null : s.sharpe();
        StationaryBootstrap.Interval diff = s == null ? null : s.sharpeDifference();
        return new PortfolioRow(e.portfolio(), e.model(), e.weighting().yamlName(), e.assets(), e.bars(), finite(m.sharpe()),
                finite(m.annualReturn()), finite(m.annualVolatility()), finite(m.maxDrawdown()), finite(m.turnover()),
                contributions, s == null ? null : finite(s.psr()), s == null ? null : finite(s.dsr()),
                sharpe == null ? null : finite(sharpe.lower()), sharpe == null ? null : finite(sharpe.upper()),
                diff == null ? null : finite(diff.lower()), diff == null ? null : finite(diff.upper()),
                s == null || s.dmSquared() == null ? null : finite(s.dmSquared().pValue()),
                s == null || s.dmAbsolute() == null ? null : finite(s.dmAbsolute().pValue()),
                s == null || s.pesaranTimmermann() == null ? null : finite(s.pesaranTimmermann().pValue()),
                s == null ? null : s.baseline(), null, execution);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
