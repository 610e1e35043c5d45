package dev.foresight.reports.html;

import dev.foresight.metrics.VolatilityMetrics;
import dev.foresight.reports.summary.SummaryRow;
import java.util.Comparator;
import java.util.List;

/**
 * How the report ranks models: by out-of-sample Sharpe ratio after costs when the experiment
 * trades (higher is better), otherwise by its loss — QLIKE for volatility, else MSE (lower is better). Shared by the leaderboard, the
 * at-a-glance card and the regime tables so they never disagree.
 */
final class Scores {

    private Scores() {
    }

    /** The ranking metric's name for an experiment: Sharpe when traded, else its loss (QLIKE for volatility). */
    static String metricName(ReportInput.Experiment e) {
        return e.traded() ? "Sharpe" : lossName(e);
    }

    /** The experiment's forecast loss: QLIKE for volatility, Brier (the MSE of P(up)) for direction, else MSE. */
    static String lossName(ReportInput.Experiment e) {
        return e.volatility() ? "QLIKE" : e.target().startsWith("direction") ? "Brier" : "MSE";
    }

    /** The model's value of {@link #lossName}. */
    static Double loss(ReportInput.Experiment e, ReportInput.ModelRun m) {
        SummaryRow r = m.row();
        if (r == null || r.bars() == 0) {
            return null;
        }
        return e.volatility() ? r.qlike() : r.mse();
    }

    /** The ranking metric of a model (a baseline that never trades counts as Sharpe 0). */
    static Double metric(ReportInput.Experiment e, ReportInput.ModelRun m) {
        SummaryRow r = m.row();
        if (r == null || r.bars() == 0) {
            return null;
        }
        if (e.traded()) {
            return m.path().traded() ? (r.sharpe() == null ? 0.0 : r.sharpe()) : null;
        }
        return loss(e, m);
    }

    static Comparator<Double> better(ReportInput.Experiment e) {
        return e.traded() ? Comparator.reverseOrder() : Comparator.naturalOrder();
    }

    /** Whether the model held a position on some bar (a model that is always flat has no strategy). */
    static boolean trades(ReportInput.ModelRun m) {
        return m.path().traded() && m.path().bars().stream().anyMatch(b -> b.position() != 0);
    }

    /**
     * Models ranked best first; models without the metric last, in configuration order. In a traded
     * experiment a model that never holds a position ranks after every model that does: its Sharpe
     * ratio of 0 is cash, not a strategy, and it must not be called best.
     */
    static List<ReportInput.ModelRun> ranked(ReportInput.Experiment e) {
        Comparator<Double> b = better(e);
        return e.models().stream().sorted((x, y) -> {
            if (e.traded() && trades(x) != trades(y)) {
                return trades(x) ? -1 : 1;
            }
            Double mx = metric(e, x);
            Double my = metric(e, y);
            if (mx == null || my == null) {
                return mx == null ? (my == null ? 0 : 1) : -1;
            }
            return b.compare(mx, my);
        }).toList();
    }

    /** Overall QLIKE of a volatility target's path (null otherwise). */
    static Double qlike(ReportInput.ModelRun m) {
        if (!m.path().volatilityTarget() || m.path().bars().isEmpty()) {
            return null;
        }
        double[] a = m.path().bars().stream().mapToDouble(dev.foresight.result.BarRecord::actual).toArray();
        double[] f = m.path().bars().stream().mapToDouble(dev.foresight.result.BarRecord::forecast).toArray();
        double v = VolatilityMetrics.of(a, f).qlike();
        return Double.isFinite(v) ? v : null;
    }

    /** MSE relative to the baseline's, as a fraction (−0.12 = 12% lower); null when undefined. */
    static Double relative(Double value, Double base) {
        if (value == null || base == null || base == 0) {
            return null;
        }
        return value / base - 1;
    }
}
