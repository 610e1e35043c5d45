package dev.foresight.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiple comparisons per experiment: which models are in the 90% model confidence set (on the
 * experiment's loss, on negative net returns with buy-and-hold among the strategies, and per regime),
 * whether any strategy beats buy-and-hold given how many were tried (SPA), each strategy's exposure,
 * and, for a grid, the probability of backtest overfitting.
 */
final class ComparisonSection implements Section {

    record Row(String model, String meanLoss, boolean inLossSet, String lossP, String returnP,
               boolean inReturnSet, String exposure, String beta) {
    }

    /** One detector: the 90% MCS per regime on the loss ({@code cells}) and on returns ({@code returns}, "" untraded). */
    record RegimeLine(String detector, String cells, String returns) {
        public boolean hasReturns() {
            return !returns.isEmpty();
        }
    }

    record Board(String experiment, String anchor, String loss, int bars, List<Row> rows, boolean traded, String benchmark,
                 String spa, boolean spaSignificant, String pbo, List<RegimeLine> regimes) {
        public boolean hasRegimes() {
            return !regimes.isEmpty();
        }
    }

    record View(List<Board> boards) {
    }

    @Override
    public String slot() {
        return "comparisons";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Board> boards = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            Comparisons c = Comparisons.of(in, e);
            if (c != null) {
                boards.add(board(e, c));
            }
        }
        return Templates.render(slot(), new View(boards));
    }

    static Board board(ReportInput.Experiment e, Comparisons c) {
        List<Row> rows = new ArrayList<>();
        for (Comparisons.ModelView m : c.models()) {
            var x = m.exposure();
            rows.add(new Row(m.name(), Fmt.num(m.meanLoss(), "%.4g"), m.inLossSet(), Fmt.p(m.lossMcsP()),
                    Fmt.p(m.returnMcsP()), m.inReturnSet(),
                    x == null ? Fmt.NONE : Fmt.pct(x.longShare(), 0) + " / " + Fmt.pct(x.shortShare(), 0) + " / "
                            + Fmt.pct(x.flatShare(), 0),
                    x == null ? Fmt.NONE : Fmt.num(x.beta(), "%.2f")));
        }
        String benchmark = "";
        String spa = "";
        boolean spaSignificant = false;
        if (c.buyAndHold() != null) {
            var b = c.buyAndHold();
            benchmark = "Buy-and-hold on the same " + c.bars() + " bars: Sharpe " + Fmt.num(b.sharpe(), "%.2f")
                    + " (annualised, after costs), annual return " + Fmt.pct(b.annualReturn(), 1) + ", max drawdown "
                    + Fmt.pct(b.maxDrawdown(), 1) + "; MCS p-value among the strategies " + Fmt.p(b.returnMcsP())
                    + (b.inReturnSet() ? " (in the 90% set)" : " (not in the 90% set)") + ".";
            var s = c.spa();
            spaSignificant = s.pConsistent() < 0.05;
            spa = "SPA test (Hansen 2005) of " + c.spaModels().size() + " strateg" + (c.spaModels().size() == 1 ? "y" : "ies")
                    + " against buy-and-hold, on daily net returns: " + Fmt.pIs(s.pConsistent()) + " (bounds "
                    + Fmt.p(s.pLower()) + "–" + Fmt.p(s.pUpper()) + ") — "
                    + (spaSignificant ? "at least one strategy beats buy-and-hold, given how many were tried (best: "
                    + c.spaModels().get(s.best()) + ")."
                    : "no evidence that any strategy beats buy-and-hold, given how many were tried.");
        }
        String pbo = "";
        if (c.pbo() != null) {
            var p = c.pbo();
            pbo = "Probability of backtest overfitting over the " + p.configurations() + " grid configurations ("
                    + String.join(", ", c.pboModels()) + "), CSCV with S = " + p.partitions() + " (" + p.combinations()
                    + " splits): PBO " + Fmt.num(p.pbo(), "%.2f") + " (0.5 = in-sample ranking says nothing about out of sample); "
                    + "probability the selected configuration loses out of sample " + Fmt.num(p.probabilityOfLoss(), "%.2f")
                    + "; degradation slope " + Fmt.num(p.slope(), "%.2f") + ".";
        }
        List<RegimeLine> regimes = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> d : c.regimes().entrySet()) {
            List<String> cells = new ArrayList<>();
            d.getValue().forEach((regime, members) -> cells.add(regime + ": " + String.join(", ", members)));
            List<String> returns = new ArrayList<>();
            c.regimeReturns().getOrDefault(d.getKey(), Map.of())
                    .forEach((regime, members) -> returns.add(regime + ": " + String.join(", ", members)));
            if (!cells.isEmpty()) {
                regimes.add(new RegimeLine(d.getKey(), String.join("; ", cells), String.join("; ", returns)));
            }
        }
        return new Board(e.name(), "mcs-" + Slug.of(e.name()), c.loss(), c.bars(), rows, c.buyAndHold() != null, benchmark,
                spa, spaSignificant, pbo, regimes);
    }
}
