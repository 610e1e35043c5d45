package dev.foresight.reports.html;

import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.SummaryRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers first: per experiment, the best model out of sample, by how much it beats the
 * baseline, whether that is significant, in which regimes it is best, and whether its checks
 * passed — in sentences built from the same figures as the tables below.
 */
final class GlanceSection implements Section {

    record Card(String experiment, String target, String best, String metric, String difference, String significance,
                boolean significant, List<String> regimes, String checks, boolean checksOk, String anchor) {
    }

    record View(List<Card> cards, boolean allChecksOk, String checksBanner, boolean anyFailedTasks, String failedBanner) {
    }

    @Override
    public String slot() {
        return "glance";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        return Templates.render(slot(), view(in));
    }

    View view(ReportInput in) {
        List<Card> cards = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            cards.add(card(in, e));
        }
        LeakageSection.Totals totals = LeakageSection.totals(in);
        int failedTasks = in.experiments().stream().flatMap(e -> e.models().stream()).mapToInt(m -> m.failed().size()).sum();
        String banner = totals.failed() == 0
                ? "All leakage checks passed: " + totals.outcomes() + " outcomes over " + totals.tasks() + " tasks"
                        + (totals.warnings() > 0 ? ", " + totals.warnings() + " warning(s)" : "") + "."
                : totals.failed() + " leakage check(s) FAILED — the figures of the models marked LEAK cannot be trusted.";
        return new View(cards, totals.failed() == 0, banner, failedTasks > 0,
                failedTasks + " task(s) failed; their models are scored on the folds that succeeded (see Folds).");
    }

    private static Card card(ReportInput in, ReportInput.Experiment e) {
        List<ReportInput.ModelRun> ranked = Scores.ranked(e);
        ReportInput.ModelRun best = ranked.isEmpty() || Scores.metric(e, ranked.get(0)) == null ? null : ranked.get(0);
        String anchor = "lb-" + Slug.of(e.name());
        if (best == null) {
            return new Card(e.name(), e.target(), Fmt.NONE, "no model produced out-of-sample forecasts", "", "", false,
                    List.of(), "", false, anchor);
        }
        ReportInput.ModelRun base = e.model(e.baseline()).orElse(null);
        SummaryRow r = best.row();
        SignificanceRow t = best.tests();
        boolean isBase = base != null && best.name().equals(base.name());
        String metric;
        String difference;
        String significance;
        boolean significant;
        if (e.traded()) {
            double sharpe = Scores.metric(e, best);
            Double baseSharpe = base == null ? null : Scores.metric(e, base);
            metric = "Sharpe " + Fmt.num(sharpe, "%.2f") + " after costs, annual return " + Fmt.pct(r.annualReturn(), 1)
                    + ", max drawdown " + Fmt.pct(r.maxDrawdown(), 1);
            if (isBase) {
                difference = "it is the baseline itself.";
                significance = "No model beat the baseline " + e.baseline() + ".";
                significant = false;
            } else {
                difference = "vs baseline " + e.baseline() + " (Sharpe " + Fmt.num(baseSharpe, "%.2f") + "): ΔSharpe "
                        + Fmt.signed(baseSharpe == null ? null : sharpe - baseSharpe, "%.2f")
                        + (t != null && t.sharpeDifferenceLow() != null ? ", 95% CI [" + Fmt.num(t.sharpeDifferenceLow(), "%.2f")
                        + ", " + Fmt.num(t.sharpeDifferenceHigh(), "%.2f") + "]" : "")
                        + "; MSE " + Fmt.signed(pct(Scores.relative(r.mse(), base == null || base.row() == null ? null
                        : base.row().mse())), "%.1f") + "%.";
                boolean ciExcludes = t != null && t.sharpeDifferenceLow() != null && t.sharpeDifferenceLow() > 0;
                boolean dsr = t != null && t.dsr() != null && t.dsr() > 0.95;
                significant = ciExcludes;
                significance = (ciExcludes ? "Significant: the Sharpe difference's 95% bootstrap interval is above 0"
                        : "Not significant: the Sharpe difference's 95% bootstrap interval includes 0")
                        + (t == null || t.psr() == null ? "" : "; PSR " + Fmt.num(t.psr(), "%.3f"))
                        + (t == null || t.dsr() == null ? "" : ", deflated for the batch's " + in.summary().trials().count() + " traded trials DSR "
                        + Fmt.num(t.dsr(), "%.3f") + (dsr ? " (> 0.95)" : " (≤ 0.95: could be luck among the trials)"))
                        + forecastLoss(t)
                        + ".";
            }
        } else {
            metric = "MSE " + Fmt.num(r.mse(), "%.4g") + (Scores.qlike(best) == null ? "" : ", QLIKE "
                    + Fmt.num(Scores.qlike(best), "%.4f"));
            if (isBase) {
                difference = "it is the baseline itself.";
                significance = "No model beat the baseline " + e.baseline() + ".";
                significant = false;
            } else {
                Double rel = Scores.relative(r.mse(), base == null || base.row() == null ? null : base.row().mse());
                difference = "vs baseline " + e.baseline() + ": MSE " + Fmt.signed(pct(rel), "%.1f") + "%.";
                Double p = t == null ? null : t.dmSquaredP();
                significant = p != null && p < 0.05 && rel != null && rel < 0;
                significance = (significant ? "Significant" : "Not significant at 5%") + ": Diebold–Mariano (squared loss) "
                        + Fmt.pIs(p) + (t == null || t.dmAbsoluteP() == null ? "" : ", absolute loss " + Fmt.pIs(t.dmAbsoluteP()))
                        + ".";
            }
        }
        List<String> regimes = new ArrayList<>();
        for (String detector : e.config().regimeNames()) {
            List<String> wins = new ArrayList<>();
            List<String> loses = new ArrayList<>();
            for (RegimeRow c : in.summary().regimes()) {
                if (!c.experiment().equals(e.name()) || !c.detector().equals(detector) || !c.model().equals(best.name())
                        || c.flagged()) {
                    continue;
                }
                boolean top = in.summary().regimes().stream()
                        .filter(o -> o.experiment().equals(e.name()) && o.detector().equals(detector)
                                && o.regime().equals(c.regime()))
                        .allMatch(o -> o.model().equals(best.name()) || !beats(e, o, c));
                (top ? wins : loses).add(c.regime() + " (" + (e.traded() ? "Sharpe " + Fmt.num(c.sharpe() == null ? 0.0 : c.sharpe(), "%.2f")
                        : "MSE " + Fmt.num(c.mse(), "%.3g")) + ")");
            }
            regimes.add(detector + ": best in " + (wins.isEmpty() ? "no regime" : String.join(", ", wins))
                    + (loses.isEmpty() ? "" : "; beaten in " + String.join(", ", loses)));
        }
        boolean leak = r != null && SummaryRow.LEAKING.equals(r.checks());
        String checks = leak ? "LEAK: a leakage check failed for " + best.name() + " — do not trust these figures."
                : r != null && SummaryRow.UNCHECKED.equals(r.checks()) ? "No leakage check ran for " + best.name() + "."
                : "Leakage checks passed for " + best.name()
                        + (r != null && !r.warnings().isEmpty() ? ", with warnings: " + String.join("; ", r.warnings()) : "") + ".";
        return new Card(e.name(), e.target(), best.name() + (best.failed().isEmpty() ? ""
                : " (" + best.failed().size() + " fold(s) failed)"), metric, difference, significance, significant, regimes,
                checks, !leak && r != null && !SummaryRow.UNCHECKED.equals(r.checks()), anchor);
    }

    private static Double pct(Double v) {
        return v == null ? null : 100 * v;
    }

    /** Whether {@code o} is strictly better than {@code c} on the ranking metric. */
    private static boolean beats(ReportInput.Experiment e, RegimeRow o, RegimeRow c) {
        if (e.traded()) {
            boolean traded = e.model(o.model()).map(m -> m.path().traded()).orElse(false);
            if (!traded) {
                return false;
            }
            double so = o.sharpe() == null ? 0 : o.sharpe();
            double sc = c.sharpe() == null ? 0 : c.sharpe();
            return so > sc;
        }
        return o.mse() != null && c.mse() != null && o.mse() < c.mse();
    }

    /**
     * The Diebold–Mariano verdict with its direction: a traded model can win on Sharpe while its
     * forecasts are significantly worse, and a bare p-value would read as praise.
     */
    static String forecastLoss(SignificanceRow t) {
        if (t == null || t.dmSquaredP() == null || t.dmSquaredStatistic() == null) {
            return "";
        }
        double p = t.dmSquaredP();
        // DM's statistic is negative when the model has the smaller loss
        String verdict = p >= 0.05 ? "not significantly different from"
                : t.dmSquaredStatistic() > 0 ? "significantly LARGER than" : "significantly smaller than";
        return "; its squared forecast errors are " + verdict + " the baseline's (Diebold–Mariano " + Fmt.pIs(p) + ")";
    }
}
