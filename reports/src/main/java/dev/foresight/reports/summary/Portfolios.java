package dev.foresight.reports.summary;

import dev.foresight.backtest.CostModel;
import dev.foresight.evaluation.ModelPath;
import dev.foresight.evaluation.PortfolioEvaluation;
import dev.foresight.evaluation.Significance;
import dev.foresight.metrics.Annualisation;
import dev.foresight.portfolio.Portfolio;
import dev.foresight.portfolio.Weighting;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.statistics.StationaryBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch's portfolios, from its member experiments' paths: for every portfolio (the member
 * experiments recorded with the same {@code portfolio.name}) and every model, the model's positions
 * on the assets combined ({@link PortfolioEvaluation}), then tested against the baseline model's
 * portfolio.
 */
final class Portfolios {

    private Portfolios() {
    }

    static List<PortfolioRow> of(ResolvedBatch config, Map<String, List<ModelPath>> paths, Annualisation a,
                                 StationaryBootstrap bootstrap) {
        Map<String, List<ResolvedBatch.Experiment>> groups = new LinkedHashMap<>();
        for (ResolvedBatch.Experiment e : config.experiments()) {
            if (e.portfolio() != null) {
                groups.computeIfAbsent(String.valueOf(e.portfolio().get("name")), k -> new ArrayList<>()).add(e);
            }
        }
        List<PortfolioRow> rows = new ArrayList<>();
        groups.forEach((name, members) -> {
            ResolvedBatch.Experiment first = members.get(0);
            Map<String, Object> p = first.portfolio();
            List<String> assets = members.stream().map(e -> String.valueOf(e.portfolio().get("asset"))).toList();
            Portfolio.Settings settings = new Portfolio.Settings(((Number) p.get("target_vol")).doubleValue(),
                    a.periodsPerYear(), ((Number) p.get("max_leverage")).doubleValue(),
                    ((Number) p.get("correlation_window")).intValue());
            int horizon = paths.get(first.name()).stream().mapToInt(ModelPath::horizon).findFirst().orElse(1);
            Map<String, List<ModelPath>> membersByModel = new LinkedHashMap<>();
            for (ResolvedBatch.Model m : first.models()) {
                membersByModel.put(m.name(), members.stream().map(e -> paths.get(e.name()).stream()
                        .filter(x -> x.model().equals(m.name())).findFirst().orElseThrow()).toList());
            }
            String baselineName = first.baselineModel();
            List<Map<String, PortfolioEvaluation>> books = new ArrayList<>();
            for (Object w : (List<?>) p.get("weighting")) {
                Weighting weighting = Weighting.valueOf(String.valueOf(w).toUpperCase(Locale.ROOT).replace('-', '_'));
                PortfolioEvaluation.Setup setup = new PortfolioEvaluation.Setup(name, assets, weighting, settings,
                        new CostModel(first.costBps(), first.slippageBps()), horizon);
                Map<String, PortfolioEvaluation> byModel = new LinkedHashMap<>();
                membersByModel.forEach((model, mp) -> byModel.put(model, PortfolioEvaluation.of(setup, model, mp, a)));
                books.add(byModel);
            }
            for (Map<String, PortfolioEvaluation> byModel : books) {
                PortfolioEvaluation baseline = byModel.get(baselineName);
                byModel.forEach((model, e) -> rows.add(PortfolioRow.of(e.tested(baseline, membersByModel.get(model),
                        membersByModel.get(baselineName), a, trials(model, books, a), bootstrap, horizon),
                        first.execution())));
            }
        });
        return rows;
    }

    /**
     * The trials of a model's portfolio DSR, by the experiments' rule ({@link Summary#trials}): the
     * configurations searched — the books of this portfolio whose model is of the same grid entry,
     * under every weighting listed (choosing a weighting after seeing the books is a search too) —
     * with their per-period Sharpe ratios. Not the portfolio's other models, and not the baseline.
     */
    static Significance.Trials trials(String model, List<Map<String, PortfolioEvaluation>> books, Annualisation a) {
        List<Double> sharpes = new ArrayList<>();
        for (Map<String, PortfolioEvaluation> byModel : books) {
            byModel.forEach((other, e) -> {
                if (e.ok() && GridFamily.sameFamily(model, other)) {
                    sharpes.add(dev.foresight.statistics.ReturnMoments.of(e.backtest().netReturns(), a.riskFreePerPeriod())
                            .sharpe());
                }
            });
        }
        return Significance.Trials.of(sharpes);
    }

    /** {@code summary_portfolio.csv}: one row per portfolio × model, contributions as asset=value. */
    static String csv(List<PortfolioRow> rows) {
        StringBuilder out = new StringBuilder("portfolio,model,weighting,bars,sharpe,annual_return,annual_volatility,"
                + "max_drawdown,turnover,psr,dsr,sharpe_ci_low,sharpe_ci_high,dsharpe_ci_low,dsharpe_ci_high,dm_squared_p,"
                + "dm_absolute_p,pt_p,baseline,contributions,error\n");
        for (PortfolioRow r : rows) {
            StringBuilder contributions = new StringBuilder();
            r.contributions().forEach((k, v) -> contributions.append(contributions.length() == 0 ? "" : " ").append(k)
                    .append('=').append(num(v)));
            out.append(String.join(",", r.portfolio(), r.model(), r.weighting(), String.valueOf(r.bars()),
                    num(r.sharpe()), num(r.annualReturn()), num(r.annualVolatility()), num(r.maxDrawdown()),
                    num(r.turnover()), num(r.psr()), num(r.dsr()), num(r.sharpeLow()), num(r.sharpeHigh()),
                    num(r.sharpeDifferenceLow()), num(r.sharpeDifferenceHigh()), num(r.dmSquaredP()),
                    num(r.dmAbsoluteP()), num(r.pesaranTimmermannP()), r.baseline() == null ? "" : r.baseline(),
                    contributions.toString(), r.error() == null ? "" : '"' + r.error().replace("\"", "'") + '"'))
                    .append('\n');
        }
        return out.toString();
    }

    /** The text table printed after the experiments' tables. */
    static String table(List<PortfolioRow> rows) {
        StringBuilder out = new StringBuilder();
        String current = null;
        for (PortfolioRow r : rows) {
            if (!(r.portfolio() + " " + r.weighting()).equals(current)) {
                current = r.portfolio() + " " + r.weighting();
                out.append("\nportfolio ").append(r.portfolio()).append(" — ").append(r.weighting()).append(" over ")
                        .append(String.join(", ", r.assets())).append(" (experiments ").append(r.portfolio())
                        .append(".ASSET), net of each asset's costs")
                        .append(r.execution() == null ? "" : ", traded at the " + r.execution().replace('-', ' '))
                        .append('\n');
                out.append(String.format(Locale.ROOT, "  %-16s %5s %7s %9s %7s %8s %6s %6s %15s %15s %7s %6s  %s%n",
                        "model", "bars", "Sharpe", "ann.ret%", "maxDD%", "turnover", "PSR", "DSR", "Sharpe CI",
                        "ΔSharpe CI", "DMsq p", "PT p", "contribution, % a year"));
            }
            if (r.error() != null) {
                out.append(String.format(Locale.ROOT, "  %-16s no portfolio: %s%n", r.model(), r.error()));
                continue;
            }
            StringBuilder contributions = new StringBuilder();
            r.contributions().forEach((k, v) -> contributions.append(contributions.length() == 0 ? "" : "  ").append(k)
                    .append(' ').append(String.format(Locale.ROOT, "%+.2f", v * 100)));
            out.append(String.format(Locale.ROOT, "  %-16s %5d %7s %9s %7s %8s %6s %6s %15s %15s %7s %6s  %s%n",
                    r.model(), r.bars(), fixed(r.sharpe(), 2, 1), fixed(r.annualReturn(), 1, 100),
                    fixed(r.maxDrawdown(), 1, 100), fixed(r.turnover(), 3, 1), fixed(r.psr(), 3, 1), fixed(r.dsr(), 3, 1),
                    interval(r.sharpeLow(), r.sharpeHigh()), interval(r.sharpeDifferenceLow(), r.sharpeDifferenceHigh()),
                    fixed(r.dmSquaredP(), 3, 1), fixed(r.pesaranTimmermannP(), 3, 1), contributions));
        }
        if (!rows.isEmpty()) {
            out.append("  DM: cross-sectional mean squared error per bar against the baseline's portfolio; PT: direction "
                    + "calls pooled over the assets; PSR, DSR, bootstrap CIs on the portfolio's net returns\n");
        }
        return out.toString();
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? "-" : "[" + fixed(low, 2, 1) + ", " + fixed(high, 2, 1) + "]";
    }

    private static String fixed(Double v, int digits, double scale) {
        return v == null ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v * scale);
    }

    private static String num(Double v) {
        return v == null ? "" : String.valueOf(v);
    }
}
