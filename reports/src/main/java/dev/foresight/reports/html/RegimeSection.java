package dev.foresight.reports.html;

import dev.foresight.evaluation.ModelPath;
import dev.foresight.reports.summary.RegimeRow;
import dev.foresight.result.BarRecord;
import dev.foresight.statistics.DieboldMariano;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per experiment × regime detector: each model's ranking metric in each regime (the summary's
 * regime cells), its difference to the baseline in that regime, and a Diebold–Mariano test of the
 * squared forecast errors on the regime's bars; the best cell of each regime is highlighted. A bar
 * chart shows the same figures.
 *
 * <p>The per-regime test pools the regime's bars, which are not contiguous; the HLN correction with
 * the target's horizon is applied as on the whole path. That is an approximation the conventions
 * card states; the whole-path tests in the leaderboard are the primary evidence.
 */
final class RegimeSection implements Section {

    record Cell(String value, String delta, String deltaCss, String deltaStars, String detail, String dm, String dmStars, String n, boolean best,
                boolean flagged, boolean empty) {
    }

    record Row(String model, boolean baseline, List<Cell> cells) {
    }

    record Table(String experiment, String detector, String metric, List<String> regimes, List<Row> rows,
                 String chart, boolean anyFlagged, String bestSummary) {
    }

    record View(List<Table> tables, int minBars) {
    }

    @Override
    public String slot() {
        return "regimes";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        return Templates.render(slot(), view(in, charts));
    }

    View view(ReportInput in, Charts charts) {
        List<Table> tables = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            for (String detector : e.config().regimeNames()) {
                Table t = table(in, e, detector, charts);
                if (t != null) {
                    tables.add(t);
                }
            }
        }
        return new View(tables, dev.foresight.evaluation.RegimeBreakdown.MIN_BARS);
    }

    private static Table table(ReportInput in, ReportInput.Experiment e, String detector, Charts charts) {
        List<RegimeRow> cells = in.scorecard().regimes().stream()
                .filter(r -> r.experiment().equals(e.name()) && r.detector().equals(detector)).toList();
        if (cells.isEmpty()) {
            return null;
        }
        Set<String> regimes = new LinkedHashSet<>();
        cells.forEach(c -> regimes.add(c.regime()));
        boolean traded = e.traded();
        Map<String, Map<String, RegimeRow>> byModel = new LinkedHashMap<>();
        for (RegimeRow c : cells) {
            byModel.computeIfAbsent(c.model(), k -> new HashMap<>()).put(c.regime(), c);
        }
        ReportInput.ModelRun base = e.model(e.baseline()).orElse(null);
        Map<String, RegimeRow> baseCells = byModel.getOrDefault(e.baseline(), Map.of());
        // The best model per regime, by the ranking metric.
        Map<String, String> bestOf = new HashMap<>();
        Map<String, Double> bestValue = new HashMap<>();
        for (String regime : regimes) {
            for (var m : byModel.entrySet()) {
                RegimeRow c = m.getValue().get(regime);
                Double v = c == null ? null : metric(traded, c, e, m.getKey());
                if (v != null && (bestValue.get(regime) == null
                        || Scores.better(e).compare(v, bestValue.get(regime)) < 0)) {
                    bestValue.put(regime, v);
                    bestOf.put(regime, m.getKey());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (ReportInput.ModelRun m : e.models()) {
            Map<String, RegimeRow> mc = byModel.get(m.name());
            if (mc == null) {
                continue;
            }
            boolean isBase = m.name().equals(e.baseline());
            Map<String, Double> dm = isBase || base == null ? Map.of() : dmByRegime(m.path(), base.path(), detector);
            List<Cell> row = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (String regime : regimes) {
                RegimeRow c = mc.get(regime);
                if (c == null) {
                    row.add(new Cell(Fmt.NONE, "", "", "", "", "", "", "0", false, false, true));
                    values.add(null);
                    continue;
                }
                Double v = metric(traded, c, e, m.name());
                RegimeRow bc = baseCells.get(regime);
                Double bv = bc == null ? null : metric(traded, bc, e, e.baseline());
                String delta = "";
                String deltaCss = "";
                if (!isBase && v != null && bv != null) {
                    if (traded) {
                        delta = "Δ " + Fmt.signed(v - bv, "%.2f");
                        deltaCss = LeaderboardSection.cssSign(v - bv, true);
                    } else {
                        Double rel = Scores.relative(v, bv);
                        delta = rel == null ? "" : "Δ " + Fmt.signed(100 * rel, "%.1f") + "%";
                        deltaCss = LeaderboardSection.cssSign(rel, false);
                    }
                }
                Double p = dm.get(regime);
                List<String> detail = new ArrayList<>();
                if (traded && c.mse() != null) {
                    detail.add("MSE " + Fmt.num(c.mse(), "%.3g"));
                }
                if (c.directionAccuracy() != null) {
                    detail.add("hit " + Fmt.pct(c.directionAccuracy(), 1));
                }
                if (traded && c.meanReturn() != null) {
                    // the summary's regime-conditional figures, annualised like the Sharpe ratio
                    detail.add("mean " + Fmt.pct(c.meanReturn(), 1) + " · vol " + Fmt.pct(c.volatility(), 1) + " a year");
                }
                if (c.qlike() != null) {
                    detail.add("QLIKE " + Fmt.num(c.qlike(), "%.3f"));
                }

                String value = v == null ? Fmt.NONE : traded ? Fmt.num(v, "%.2f") + (c.sharpe() == null ? " (flat)" : "")
                        : Fmt.num(v, "%.4g");
                // The DM test is on forecast losses: its stars go on ΔMSE where MSE ranks, on the DM p-value otherwise.
                row.add(new Cell(value, delta, deltaCss, traded ? "" : Fmt.stars(p), String.join(" · ", detail),
                        p == null ? "" : "DM " + Fmt.pIs(p), traded ? Fmt.stars(p) : "",
                        String.valueOf(c.bars()), m.name().equals(bestOf.get(regime)), c.flagged(), false));
                values.add(v == null ? null : Fmt.chart(v));
            }
            rows.add(new Row(m.name(), isBase, row));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", m.name());
            s.put("values", values);
            series.add(s);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("categories", new ArrayList<>(regimes));
        spec.put("series", series);
        spec.put("yName", traded ? "Sharpe of the regime's bars (annualised, after costs)" : Units.loss(e, in.annualisation()));
        String chart = charts.add("bars", spec);
        List<String> best = new ArrayList<>();
        for (String regime : regimes) {
            if (bestOf.containsKey(regime)) {
                best.add(regime + ": " + bestOf.get(regime));
            }
        }
        return new Table(e.name(), detector, traded ? "Sharpe of the regime's bars (annualised, after costs; drawdown and annual return are whole-path figures only)"
                : Scores.lossName(e), new ArrayList<>(regimes), rows,
                chart, cells.stream().anyMatch(RegimeRow::flagged), String.join(" · ", best));
    }

    /**
     * The ranking metric in a regime: the Sharpe ratio of the regime's bars (regime-conditional: the
     * mean and volatility of those bars' net returns) when traded — none for a model that never holds a
     * position, which has no strategy to rank —, else the experiment's loss (QLIKE for volatility).
     */
    static Double metric(boolean traded, RegimeRow c, ReportInput.Experiment e, String model) {
        if (traded) {
            boolean modelTrades = e.model(model).map(m -> m.path().traded()
                    && m.path().bars().stream().anyMatch(b -> b.position() != 0)).orElse(false);
            return !modelTrades ? null : c.sharpe() == null ? 0.0 : c.sharpe();
        }
        return e.volatility() ? c.qlike() : c.mse();
    }

    /** Diebold–Mariano p-values (squared loss) on each regime's bars common to model and baseline. */
    static Map<String, Double> dmByRegime(ModelPath model, ModelPath baseline, String detector) {
        Map<Integer, BarRecord> base = new HashMap<>();
        baseline.bars().forEach(b -> base.put(b.bar(), b));
        Map<String, List<double[]>> errors = new LinkedHashMap<>();
        for (BarRecord m : model.bars()) {
            BarRecord b = base.get(m.bar());
            if (b == null || !Double.isFinite(m.forecast() - m.actual()) || !Double.isFinite(b.forecast() - b.actual())) {
                continue;
            }
            String label = m.regimes().getOrDefault(detector, dev.foresight.evaluation.RegimeBreakdown.UNLABELLED);
            errors.computeIfAbsent(label, k -> new ArrayList<>())
                    .add(new double[] {m.forecast() - m.actual(), b.forecast() - b.actual()});
        }
        Map<String, Double> out = new HashMap<>();
        errors.forEach((label, pairs) -> {
            if (pairs.size() >= 3 && model.horizon() < pairs.size()) {
                double[] em = pairs.stream().mapToDouble(x -> x[0]).toArray();
                double[] eb = pairs.stream().mapToDouble(x -> x[1]).toArray();
                double p = DieboldMariano.test(em, eb, model.horizon(), DieboldMariano.Loss.SQUARED).pValue();
                if (Double.isFinite(p)) {
                    out.put(label, p);
                }
            }
        });
        return out;
    }
}
