package dev.foresight.reports.html;

import dev.foresight.reports.summary.ChecksVerdict;
import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.reports.summary.SignificanceRow;
import dev.foresight.reports.summary.SummaryRow;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.DieboldMariano;
import dev.foresight.statistics.ForecastLoss;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        String anchor = "lb-" + Slug.of(e.name());
        Comparisons c = Comparisons.of(in, e);
        // A model that never holds a position has no strategy to praise: it is never "best" of a traded experiment.
        List<ReportInput.ModelRun> ranked = Scores.ranked(e).stream()
                .filter(m -> Scores.metric(e, m) != null && (!e.traded() || trades(c, m))).toList();
        if (ranked.isEmpty()) {
            return new Card(e.name(), e.target(), Fmt.NONE, e.traded() ? "no model took a position out of sample"
                    : "no model produced out-of-sample forecasts", "", "", false, List.of(), "", false, anchor);
        }
        ReportInput.ModelRun best = ranked.get(0);
        ReportInput.ModelRun base = e.model(e.baseline()).orElse(null);
        SummaryRow r = best.row();
        SignificanceRow t = best.tests();
        String loss = Scores.lossName(e);
        Double baseLoss = base == null ? null : Scores.loss(e, base);
        Double rel = Scores.relative(Scores.loss(e, best), baseLoss);
        String vsBaseline = base == null || base.name().equals(best.name()) ? ""
                : loss + " " + Fmt.signed(pct(rel), "%.1f") + "% vs the forecast baseline " + e.baseline()
                        + (e.volatility() ? dmQlike(qlikeDm(best, base)) : dm(t)) + ".";
        List<String> evidence = new ArrayList<>();
        String metric;
        String difference;
        if (e.traded()) {
            Comparisons.ModelView view = c == null ? null : c.models().stream().filter(m -> m.name().equals(best.name()))
                    .findFirst().orElse(null);
            var x = view == null ? null : view.exposure();
            metric = "Sharpe " + Fmt.num(Scores.metric(e, best), "%.2f") + " (annualised, daily net returns after costs); "
                    + "annual return " + Fmt.pct(r.annualReturn(), 1) + ", max drawdown " + Fmt.pct(r.maxDrawdown(), 1)
                    + " (whole path)" + (x == null ? "" : "; long " + Fmt.pct(x.longShare(), 0) + ", short "
                    + Fmt.pct(x.shortShare(), 0) + ", flat " + Fmt.pct(x.flatShare(), 0) + " of bars, β "
                    + Fmt.num(x.beta(), "%.2f") + " to the asset") + ".";
            var bh = c == null ? null : c.buyAndHold();
            difference = (bh == null ? "" : "Buy-and-hold on the same bars: Sharpe " + Fmt.num(bh.sharpe(), "%.2f")
                    + (Scores.metric(e, best) < bh.sharpe() ? " — better than " + best.name() + "." : " — below " + best.name() + "."))
                    + (vsBaseline.isEmpty() ? "" : " " + vsBaseline);
            if (c != null && c.spa() != null && c.spa().pConsistent() < 0.05) {
                evidence.add("beats buy-and-hold after trying " + c.spaModels().size() + " strategies (SPA "
                        + Fmt.pIs(c.spa().pConsistent()) + ", best " + c.spaModels().get(c.spa().best()) + ")");
            }
            Double pt = holm(e, best, ReportInput.ModelRun::tests, SignificanceRow::ptP);
            if (pt != null && pt < 0.05) {
                evidence.add("times the market (Pesaran–Timmermann p = " + Fmt.p(pt) + ", Holm-adjusted over the experiment's models)");
            }
            if (t != null && t.dsr() != null && t.dsrTrials() != null) {
                // the summary's figure, as in the leaderboard, results.json and metrics.csv
                evidence.add("DSR " + Fmt.num(t.dsr(), "%.3f") + " deflated for N = " + t.dsrTrials() + " configuration"
                        + (t.dsrTrials() == 1 ? "" : "s") + " searched in this experiment" + (t.dsr() > 0.95 ? "" : " (≤ 0.95)"));
            }
        } else {
            metric = loss + " " + Fmt.num(Scores.loss(e, best), "%.4g") + (loss.equals("MSE") ? "" : ", MSE " + Fmt.num(r.mse(), "%.4g"))
                    + " (per bar, the target's units).";
            difference = vsBaseline.isEmpty() ? "It is the forecast baseline itself." : vsBaseline;
        }
        if (e.volatility()) {
            // ranked by QLIKE, so tested on QLIKE: a squared-error test would judge another loss than the ranking's
            Double qp = base == null ? null : holm(e, best, m -> qlikeDm(m, base), DieboldMariano.Result::pValue);
            DieboldMariano.Result q = base == null ? null : qlikeDm(best, base);
            if (qp != null && qp < 0.05 && q != null && q.statistic() < 0) {
                evidence.add("forecasts better than " + e.baseline() + " (Diebold–Mariano on QLIKE p = " + Fmt.p(qp)
                        + ", Holm-adjusted)");
            }
        } else {
            Double dmp = holm(e, best, ReportInput.ModelRun::tests, SignificanceRow::dmSquaredP);
            if (dmp != null && dmp < 0.05 && t != null && t.dmSquaredStatistic() != null && t.dmSquaredStatistic() < 0) {
                evidence.add("forecasts better than " + e.baseline() + " (Diebold–Mariano on squared loss p = " + Fmt.p(dmp) + ", Holm-adjusted)");
            }
        }
        if (c != null) {
            List<String> set = c.models().stream().filter(Comparisons.ModelView::inLossSet).map(Comparisons.ModelView::name).toList();
            evidence.add("90% model confidence set on " + loss + ": " + String.join(", ", set));
        }
        boolean skilful = evidence.stream().anyMatch(s2 -> s2.startsWith("beats") || s2.startsWith("times") || s2.startsWith("forecasts"));
        String significance = (skilful ? "Skilful: " : e.traded() ? "No evidence of skill (timing, or beating buy-and-hold or "
                + e.baseline() + ", after the multiple-comparison control). " : "Not better than " + e.baseline()
                + " after the multiple-comparison control. ") + String.join("; ", evidence) + ".";
        List<String> regimes = new ArrayList<>();
        for (String detector : e.config().regimeNames()) {
            List<String> wins = new ArrayList<>();
            List<String> loses = new ArrayList<>();
            for (RegimeRow cell : in.scorecard().regimes()) {
                if (!cell.experiment().equals(e.name()) || !cell.detector().equals(detector) || !cell.model().equals(best.name())
                        || cell.flagged()) {
                    continue;
                }
                RegimeRow winner = in.scorecard().regimes().stream()
                        .filter(o -> o.experiment().equals(e.name()) && o.detector().equals(detector)
                                && o.regime().equals(cell.regime()) && !o.model().equals(best.name()) && beats(e, o, cell))
                        .reduce((a, b) -> beats(e, b, a) ? b : a).orElse(null);
                if (winner == null) {
                    wins.add(cell.regime());
                } else {
                    loses.add(cell.regime() + " (by " + winner.model() + ": " + regimeFigure(e, winner) + " vs " + regimeFigure(e, cell) + ")");
                }
            }
            regimes.add(detector + ": best in " + (wins.isEmpty() ? "no regime" : String.join(", ", wins))
                    + (loses.isEmpty() ? "" : "; beaten in " + String.join(", ", loses)));
        }
        boolean leak = r != null && r.checks() == ChecksVerdict.LEAKING;
        String checks = leak ? "LEAK: a leakage check failed for " + best.name() + " — do not trust these figures."
                : r != null && r.checks() == ChecksVerdict.UNCHECKED ? "No leakage check ran for " + best.name() + "."
                : "Leakage checks passed for " + best.name()
                        + (r != null && !r.warnings().isEmpty() ? ", with warnings: " + String.join("; ", r.warnings()) : "") + ".";
        return new Card(e.name(), e.target(), best.name() + (best.failed().isEmpty() ? ""
                : " (" + best.failed().size() + " fold(s) failed)"), metric, difference, significance, skilful, regimes,
                checks, !leak && r != null && r.checks() != ChecksVerdict.UNCHECKED, anchor);
    }

    /** Whether the model held a position on some bar (a model that is always flat does not trade). */
    private static boolean trades(Comparisons c, ReportInput.ModelRun m) {
        if (!m.path().traded()) {
            return false;
        }
        if (c == null) {
            return m.path().bars().stream().anyMatch(b -> b.position() != 0);
        }
        return c.models().stream().filter(v -> v.name().equals(m.name())).findFirst()
                .map(v -> v.exposure() != null && v.exposure().flatShare() < 1).orElse(false);
    }

    /**
     * Diebold–Mariano on the per-bar QLIKE of a volatility model and the baseline, on the bars both
     * forecast where the label and both forecasts are positive (QLIKE's domain); null when fewer than
     * three such bars, or for the baseline itself. The per-bar QLIKE values are non-negative, so
     * handing them to the test as "errors" under absolute loss makes its loss differential exactly
     * {@code QLIKE_model − QLIKE_baseline}, with the HLN correction for the target's horizon.
     */
    static DieboldMariano.Result qlikeDm(ReportInput.ModelRun model, ReportInput.ModelRun baseline) {
        if (model.name().equals(baseline.name())) {
            return null;
        }
        Map<Integer, BarRecord> base = new HashMap<>();
        baseline.path().bars().forEach(b -> base.put(b.bar(), b));
        List<double[]> pairs = new ArrayList<>();
        for (BarRecord m : model.path().bars()) {
            BarRecord b = base.get(m.bar());
            if (b != null && m.actual() > 0 && m.forecast() > 0 && b.forecast() > 0
                    && Double.isFinite(m.actual()) && Double.isFinite(m.forecast()) && Double.isFinite(b.forecast())) {
                pairs.add(new double[] {ForecastLoss.QLIKE.of(m.forecast(), m.actual()),
                        ForecastLoss.QLIKE.of(b.forecast(), m.actual())});
            }
        }
        int h = model.path().horizon();
        if (pairs.size() < 3 || h >= pairs.size()) {
            return null;
        }
        double[] lm = pairs.stream().mapToDouble(x -> x[0]).toArray();
        double[] lb = pairs.stream().mapToDouble(x -> x[1]).toArray();
        DieboldMariano.Result r = DieboldMariano.test(lm, lb, h, DieboldMariano.Loss.ABSOLUTE);
        return Double.isFinite(r.pValue()) ? r : null;
    }

    /** The QLIKE Diebold–Mariano verdict with its direction. */
    private static String dmQlike(DieboldMariano.Result r) {
        if (r == null) {
            return "";
        }
        String verdict = r.pValue() >= 0.05 ? "not significantly different"
                : r.statistic() > 0 ? "significantly WORSE forecasts" : "significantly better forecasts";
        return " — " + verdict + " (Diebold–Mariano on QLIKE " + Fmt.pIs(r.pValue()) + ", unadjusted)";
    }

    /** The model's p-value Holm-adjusted over the experiment's models that have one; null when it has none. */
    private static <R> Double holm(ReportInput.Experiment e, ReportInput.ModelRun model,
                                   Function<ReportInput.ModelRun, R> tests,
                                   Function<R, Double> p) {
        List<ReportInput.ModelRun> models = e.models();
        double[] ps = new double[models.size()];
        int at = -1;
        for (int i = 0; i < ps.length; i++) {
            R row = tests.apply(models.get(i));
            Double v = row == null ? null : p.apply(row);
            ps[i] = v == null ? Double.NaN : v;
            at = models.get(i) == model ? i : at;
        }
        if (at < 0 || Double.isNaN(ps[at])) {
            return null;
        }
        return dev.foresight.statistics.MultipleTesting.holm(ps)[at];
    }

    /** The Diebold–Mariano verdict with its direction: a bare p-value next to a worse loss would read as praise. */
    private static String dm(SignificanceRow t) {
        if (t == null || t.dmSquaredP() == null || t.dmSquaredStatistic() == null) {
            return "";
        }
        String verdict = t.dmSquaredP() >= 0.05 ? "not significantly different"
                : t.dmSquaredStatistic() > 0 ? "significantly WORSE forecasts" : "significantly better forecasts";
        return " — " + verdict + " (Diebold–Mariano on squared errors " + Fmt.pIs(t.dmSquaredP()) + ", unadjusted)";
    }

    /** A regime cell's ranking figure, as the regime table shows it (a model flat in the regime: Sharpe 0, cash). */
    static String regimeFigure(ReportInput.Experiment e, RegimeRow c) {
        Double v = RegimeSection.metric(e.traded(), c, e, c.model());
        if (e.traded()) {
            return "Sharpe " + Fmt.num(v, "%.2f") + (v != null && c.sharpe() == null ? " (flat)" : "");
        }
        return Scores.lossName(e) + " " + Fmt.num(v, "%.3g");
    }

    private static Double pct(Double v) {
        return v == null ? null : 100 * v;
    }

    /**
     * Whether {@code o} is strictly better than {@code c} in their regime on the regime table's
     * metric ({@link RegimeSection#metric}): Sharpe of the regime's bars when traded — a model that
     * never trades has none and cannot win, one flat in the regime counts as 0 (cash), not as
     * beaten by any negative Sharpe —, else QLIKE for volatility, Brier for direction, MSE.
     */
    static boolean beats(ReportInput.Experiment e, RegimeRow o, RegimeRow c) {
        Double vo = RegimeSection.metric(e.traded(), o, e, o.model());
        Double vc = RegimeSection.metric(e.traded(), c, e, c.model());
        return vo != null && vc != null && Scores.better(e).compare(vo, vc) < 0;
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
