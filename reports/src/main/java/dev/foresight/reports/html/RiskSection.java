package dev.foresight.reports.html;

import dev.foresight.risk.RiskRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Risk and VaR backtests, from the run's risk rows ({@code risk.json}): per experiment, each model's
 * historical VaR / ES of its net returns and, for a model with a variance forecast, the 95% and 99%
 * one-day VaR backtests (failures against the expected count, Kupiec, Christoffersen independence
 * and conditional coverage) — overall, then per regime of each detector, so a model that is fine
 * in calm regimes and fails in crises shows it. A rejection at 5% is marked.
 */
final class RiskSection implements Section {

    record Row(String model, String scope, String bars, String var95, String es95, String var99, String es99,
               String distribution, String fail95, String kupiec95, boolean bad95, String fail99, String kupiec99,
               String indep99, String cc99, boolean bad99, boolean regime) {
    }

    record Block(String experiment, List<Row> rows) {
    }

    record View(List<Block> blocks, boolean any) {
    }

    @Override
    public String slot() {
        return "risk";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = blocks(in.scorecard().risk());
        return Templates.render(slot(), new View(blocks, !blocks.isEmpty()));
    }

    /** The risk rows grouped by experiment, in their order (overall row, then its regimes). */
    static List<Block> blocks(List<RiskRow> risk) {
        Map<String, List<Row>> byExperiment = new LinkedHashMap<>();
        for (RiskRow r : risk) {
            boolean regime = r.detector() != null && !r.detector().isEmpty();
            String scope = regime ? r.detector() + ": " + r.regime() : "all bars";
            boolean bad95 = rejected(r.kupiecP95()) || rejected(r.conditionalCoverageP95());
            boolean bad99 = rejected(r.kupiecP99()) || rejected(r.independenceP99()) || rejected(r.conditionalCoverageP99());
            byExperiment.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(new Row(r.model(), scope,
                    String.valueOf(r.n()), Fmt.pct(r.var95(), 2), Fmt.pct(r.es95(), 2), Fmt.pct(r.var99(), 2),
                    Fmt.pct(r.es99(), 2), r.distribution() == null ? Fmt.NONE : r.distribution(),
                    failures(r.failures95(), r.varBars(), 0.05), Fmt.p(r.kupiecP95()), bad95,
                    failures(r.failures99(), r.varBars(), 0.01), Fmt.p(r.kupiecP99()), Fmt.p(r.independenceP99()),
                    Fmt.p(r.conditionalCoverageP99()), bad99, regime));
        }
        List<Block> blocks = new ArrayList<>();
        byExperiment.forEach((e, rows) -> blocks.add(new Block(e, rows)));
        return blocks;
    }

    private static boolean rejected(Double p) {
        return p != null && p < 0.05;
    }

    /** "12 / 3.8" — failures against the count the VaR level expects. */
    private static String failures(Integer failures, Integer bars, double rate) {
        if (failures == null || bars == null) {
            return Fmt.NONE;
        }
        return failures + " / " + String.format(Locale.ROOT, "%.1f", bars * rate);
    }
}
