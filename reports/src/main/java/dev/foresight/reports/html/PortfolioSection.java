package dev.foresight.reports.html;

import dev.foresight.reports.summary.PortfolioRow;
import dev.foresight.reports.summary.SummaryRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch's portfolios ({@code portfolio.json}): per portfolio and weighting, each model's book —
 * its figures and the tests on its net returns (PSR / DSR, bootstrap Sharpe interval, DM and PT
 * against the baseline's book) — with, beneath it, each asset: the model's figures on that asset
 * traded alone (member experiment {@code NAME.ASSET}, from the summary) beside the asset's
 * annualised contribution to the book. Rendered only for a batch with a portfolio.
 */
final class PortfolioSection implements Section {

    record Row(String name, String detail, String bars, String sharpe, String annualReturn, String annualVolatility,
               String maxDrawdown, String turnover, String contribution, String psr, String dsr, String sharpeCi,
               String dmP, String ptP, boolean asset, boolean failed) {
    }

    record Block(String portfolio, String weighting, String assets, String baseline, String execution, List<Row> rows) {
    }

    record View(List<Block> blocks) {
    }

    @Override
    public String slot() {
        return "portfolio";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = blocks(in.scorecard().portfolios(), in.scorecard().rows());
        return blocks.isEmpty() ? "" : Templates.render(slot(), new View(blocks));
    }

    /** One block per portfolio × weighting, in the rows' order; each model's book, then its assets. */
    static List<Block> blocks(List<PortfolioRow> portfolios, List<SummaryRow> members) {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (PortfolioRow r : portfolios) {
            if (current == null || !current.portfolio().equals(r.portfolio()) || !current.weighting().equals(r.weighting())) {
                current = new Block(r.portfolio(), r.weighting(), String.join(", ", r.assets()),
                        r.baseline() == null ? Fmt.NONE : r.baseline(),
                        r.execution() == null ? null : r.execution().replace('-', ' '), new ArrayList<>());
                blocks.add(current);
            }
            if (r.error() != null) {
                current.rows().add(new Row(r.model(), "no portfolio: " + r.error(), Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE,
                        Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, false, true));
                continue;
            }
            double total = r.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            current.rows().add(new Row(r.model(), "book", String.valueOf(r.bars()), Fmt.num(r.sharpe(), "%.2f"),
                    Fmt.pct(r.annualReturn(), 1), Fmt.pct(r.annualVolatility(), 1), Fmt.pct(r.maxDrawdown(), 1),
                    Fmt.num(r.turnover(), "%.3f"), "Σ " + Fmt.pct(total, 2), Fmt.num(r.psr(), "%.3f"),
                    Fmt.num(r.dsr(), "%.3f"), interval(r.sharpeLow(), r.sharpeHigh()), Fmt.p(r.dmSquaredP()),
                    Fmt.p(r.pesaranTimmermannP()), false, false));
            r.contributions().forEach((asset, contribution) -> {
                String experiment = r.portfolio() + "." + asset;
                SummaryRow alone = members.stream().filter(m -> m.experiment().equals(experiment)
                        && m.model().equals(r.model())).findFirst().orElse(null);
                blocks.get(blocks.size() - 1).rows().add(alone == null
                        ? new Row(asset, experiment, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE,
                        Fmt.pct(contribution, 2), Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, true, false)
                        : new Row(asset, experiment, String.valueOf(alone.bars()), Fmt.num(alone.sharpe(), "%.2f"),
                        Fmt.pct(alone.annualReturn(), 1), Fmt.pct(alone.annualVolatility(), 1),
                        Fmt.pct(alone.maxDrawdown(), 1), Fmt.num(alone.turnover(), "%.3f"), Fmt.pct(contribution, 2),
                        Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE, true, false));
            });
        }
        return blocks;
    }

    private static String interval(Double low, Double high) {
        return low == null || high == null ? Fmt.NONE : "[" + Fmt.num(low, "%.2f") + ", " + Fmt.num(high, "%.2f") + "]";
    }
}
