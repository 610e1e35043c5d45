package dev.foresight.reports.html;

import dev.foresight.metrics.Annualisation;
import dev.foresight.reports.summary.ChecksVerdict;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.SummaryRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Per experiment, every model's out-of-sample scores with the difference to the baseline and its
 * significance, ranked by {@link Scores}; the table is sortable in the page.
 */
final class LeaderboardSection implements Section {

    /** One table cell: shown text, sort key, significance stars, hover text, CSS class. */
    record Cell(String text, String sort, String stars, String title, String css, String sub) {
        static Cell of(String text, Double sort) {
            return new Cell(text, Fmt.sortKey(sort), "", "", "", "");
        }

        Cell with(String stars, String title, String css) {
            return new Cell(text, sort, stars, title, css, sub);
        }

        /** A second, smaller line under the figure (an interval). */
        Cell under(String line) {
            return new Cell(text, sort, stars, title, css, line);
        }
    }

    record Row(String rank, String model, String kind, boolean showKind, boolean baseline, boolean best, boolean leak, boolean failed,
               String folds, String bars, Cell sharpe, Cell dSharpe, Cell psr, Cell dsr, Cell annualReturn, Cell maxDrawdown,
               Cell mse, Cell dMse, Cell dmP, Cell qlike, Cell hit, Cell ptP, String checks, String checksCss,
               List<String> notes) {
    }

    record Board(String experiment, String anchor, String target, String baseline, String rankedBy, boolean traded,
                 boolean vol, List<Row> rows) {
    }

    record View(List<Board> boards) {
    }

    @Override
    public String slot() {
        return "leaderboard";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        return Templates.render(slot(), view(in));
    }

    View view(ReportInput in) {
        List<Board> boards = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            ReportInput.ModelRun base = e.model(e.baseline()).orElse(null);
            SummaryRow b = base == null ? null : base.row();
            List<ReportInput.ModelRun> ranked = Scores.ranked(e);
            List<Row> rows = new ArrayList<>();
            int rank = 0;
            for (ReportInput.ModelRun m : ranked) {
                rank++;
                rows.add(row(e, m, b, rank, rank == 1 && Scores.metric(e, m) != null, in.annualisation()));
            }
            boards.add(new Board(e.name(), "lb-" + Slug.of(e.name()), e.target(), e.baseline(),
                    e.traded() ? "Sharpe ratio after costs (higher is better)" : "MSE (lower is better)",
                    e.traded(), e.volatility(), rows));
        }
        return new View(boards);
    }

    /**
     * The DSR deflated by the configurations searched within the experiment (the model's grid
     * family; N = 1 outside a grid), with N shown under the figure: read from the summary
     * ({@code SignificanceRow.dsr}, {@code dsrTrials}), which computed it once for every output.
     * Not the batch-wide count: models of other experiments and other targets are not
     * alternatives this model was selected from.
     */
    static Cell dsrCell(ReportInput.Experiment e, ReportInput.ModelRun m) {
        var t = m.tests();
        if (!m.path().traded() || t == null || t.dsr() == null || t.dsrTrials() == null) {
            return Cell.of(Fmt.NONE, null);
        }
        int n = t.dsrTrials();
        return Cell.of(Fmt.num(t.dsr(), "%.3f"), t.dsr())
                .with(Fmt.stars(1 - t.dsr()),
                        "deflated Sharpe ratio: PSR against the expected best of N = " + n + " configuration"
                                + (n == 1 ? "" : "s") + " searched in this experiment", "")
                .under("N = " + n);
    }

    private static Row row(ReportInput.Experiment e, ReportInput.ModelRun m, SummaryRow b, int rank, boolean best,
                           Annualisation annualisation) {
        SummaryRow r = m.row();
        SignificanceRow t = m.tests();
        boolean isBase = m.name().equals(e.baseline());
        boolean leak = r != null && r.checks() == ChecksVerdict.LEAKING;
        List<String> notes = new ArrayList<>();
        for (var f : m.failed()) {
            notes.add("failed: " + f.error());
        }
        if (r != null) {
            notes.addAll(r.warnings().stream().map(w -> "warning: " + w).toList());
        }
        if (r == null || r.bars() == 0) {
            Cell none = Cell.of(Fmt.NONE, null);
            return new Row(String.valueOf(rank), m.name(), m.config().kind(), !m.name().equals(m.config().kind()), isBase, false, leak, true,
                    folds(m), "0", none, none, none, none, none, none, none, none, none, none, none, none,
                    "failed", "bad", notes);
        }
        Double sharpe = m.path().traded() ? (r.sharpe() == null ? 0.0 : r.sharpe()) : null;
        Double baseSharpe = b == null || b.bars() == 0 ? null : (b.sharpe() == null ? 0.0 : b.sharpe());
        Double dSharpe = isBase || sharpe == null || baseSharpe == null ? null : sharpe - baseSharpe;
        boolean ciExcludesZero = t != null && t.sharpeDifferenceLow() != null
                && (t.sharpeDifferenceLow() > 0 || t.sharpeDifferenceHigh() < 0);
        String ci = t == null || t.sharpeDifferenceLow() == null ? ""
                : "95% bootstrap CI of the difference: [" + Fmt.num(t.sharpeDifferenceLow(), "%.2f") + ", "
                        + Fmt.num(t.sharpeDifferenceHigh(), "%.2f") + "]";
        String sharpeCi = t == null || t.sharpeLow() == null ? ""
                : "95% bootstrap CI: [" + Fmt.num(t.sharpeLow(), "%.2f") + ", " + Fmt.num(t.sharpeHigh(), "%.2f") + "]";
        Double dMse = isBase ? null : Scores.relative(r.mse(), b == null ? null : b.mse());
        Double dmP = t == null ? null : t.dmSquaredP();
        Double ptP = t == null ? null : t.ptP();
        String hitCi = t == null || t.hitRateLow() == null ? ""
                : "95% bootstrap CI: [" + Fmt.pct(t.hitRateLow(), 1) + ", " + Fmt.pct(t.hitRateHigh(), 1) + "]; "
                        + r.directionCalls() + " calls";
        String checks = leak ? "LEAK" : r.checks() == ChecksVerdict.UNCHECKED ? "unchecked"
                : r.warnings().isEmpty() ? "passed" : "warning";
        String checksCss = leak ? "bad" : r.warnings().isEmpty() && r.checks() != ChecksVerdict.UNCHECKED ? "good" : "warn";
        return new Row(String.valueOf(rank), m.name(), m.config().kind(), !m.name().equals(m.config().kind()), isBase, best, leak, r.failedFolds() > 0,
                folds(m), String.valueOf(r.bars()),
                Cell.of(sharpe == null ? Fmt.NONE : Fmt.num(sharpe, "%.2f")
                        + (m.path().traded() && r.sharpe() == null ? " (flat)" : ""), sharpe).with("", sharpeCi, ""),
                Cell.of(isBase ? "baseline" : Fmt.signed(dSharpe, "%.2f"), dSharpe)
                        .with(ciExcludesZero ? "◆" : "", ci, cssSign(dSharpe, true))
                        .under(t == null || t.sharpeDifferenceLow() == null || isBase ? "" : "[" + Fmt.num(t.sharpeDifferenceLow(), "%.2f")
                                + ", " + Fmt.num(t.sharpeDifferenceHigh(), "%.2f") + "]"),
                Cell.of(Fmt.num(t == null ? null : t.psr(), "%.3f"), t == null ? null : t.psr())
                        .with(Fmt.stars(t == null || t.psr() == null ? null : 1 - t.psr()),
                                "probabilistic Sharpe ratio: P(true Sharpe > 0)", ""),
                dsrCell(e, m),
                Cell.of(Fmt.pct(r.annualReturn(), 1), r.annualReturn()),
                Cell.of(Fmt.pct(r.maxDrawdown(), 1), r.maxDrawdown()),
                Cell.of(Fmt.num(r.mse(), "%.4g"), r.mse()),
                Cell.of(isBase ? "baseline" : Fmt.signed(dMse == null ? null : 100 * dMse, "%.1f") + (dMse == null ? "" : "%"), dMse)
                        .with(Fmt.stars(dmP), dmP == null ? "" : "Diebold–Mariano (squared loss) p = " + Fmt.p(dmP),
                                cssSign(dMse, false)),
                Cell.of(isBase ? Fmt.NONE : Fmt.p(dmP), dmP).with(Fmt.stars(dmP), t == null || t.dmAbsoluteP() == null ? ""
                        : "absolute-loss DM p = " + Fmt.p(t.dmAbsoluteP()), ""),
                Cell.of(Fmt.num(Scores.qlike(m), "%.4f"), Scores.qlike(m)),
                Cell.of(Fmt.pct(r.directionAccuracy(), 1), r.directionAccuracy()).with(Fmt.stars(ptP), hitCi, ""),
                Cell.of(Fmt.p(ptP), ptP).with(Fmt.stars(ptP), "Pesaran–Timmermann, one-sided", ""),
                checks, checksCss, notes);
    }

    private static String folds(ReportInput.ModelRun m) {
        int failed = m.failed().size();
        int all = m.tasks().size();
        return failed == 0 ? String.valueOf(all) : (all - failed) + "/" + all;
    }

    /** "good" when the difference favours the model (higher Sharpe, lower loss). */
    static String cssSign(Double d, boolean higherBetter) {
        if (d == null || d == 0) {
            return "";
        }
        return (d > 0) == higherBetter ? "good-text" : "bad-text";
    }
}
