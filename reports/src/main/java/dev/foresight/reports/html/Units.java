package dev.foresight.reports.html;

import dev.foresight.metrics.Annualisation;

/**
 * What a target's values are measured in, for axis names and captions: every figure of the report
 * says whether it is per bar (per day for daily bars) or annualised, and in what unit.
 *
 * <p>Target values are never annualised (a realised volatility of 0.012 is a per-day σ, 19% a
 * year); only Sharpe ratios and returns in the leaderboard are, and their axes say so.
 */
final class Units {

    private Units() {
    }

    /** "day" for daily bars (252 a year, the annualisation the batch declared), else "bar". */
    static String bar(Annualisation a) {
        return a.periodsPerYear() == 252 ? "day" : "bar";
    }

    /** The unit of a target's values (labels and point forecasts), e.g. "per-day σ of log returns (not annualised)". */
    static String target(ReportInput.Experiment e, Annualisation a) {
        String kind = String.valueOf(e.config().target().get("kind"));
        int horizon = e.config().target().get("horizon") instanceof Number h ? h.intValue() : 1;
        String bar = bar(a);
        String over = horizon == 1 ? "1 " + bar : horizon + " " + bar + "s";
        // Short: axis names run along the chart's side and must fit its height.
        return switch (kind) {
            case "log-return" -> "log return over " + over + " (not annualised)";
            case "direction" -> "P(up); actual: 1 up, 0 down";
            case "realised-vol" -> "per-" + bar + " σ of log returns (not annualised)";
            case "next-close" -> "price (series' currency)";
            default -> e.target() + " per " + bar;
        };
    }

    /** The unit alone, short enough for a vertical axis: "per-day σ", "log return", "price". */
    static String shortTarget(ReportInput.Experiment e, Annualisation a) {
        return switch (String.valueOf(e.config().target().get("kind"))) {
            case "log-return" -> "log return";
            case "direction" -> "frequency of up, 0–1";
            case "realised-vol" -> "per-" + bar(a) + " σ";
            case "next-close" -> "price";
            default -> "per " + bar(a);
        };
    }

    /** The experiment's forecast loss with its unit: MSE in the target's unit squared; QLIKE and Brier are unitless. */
    static String loss(ReportInput.Experiment e, Annualisation a) {
        String name = Scores.lossName(e);
        String per = ", mean per " + bar(a);
        if (!name.equals("MSE")) {
            return name + " (unitless)" + per;
        }
        String kind = String.valueOf(e.config().target().get("kind"));
        return switch (kind) {
            case "log-return" -> "MSE, (log return)²" + per;
            case "next-close" -> "MSE, price²" + per;
            default -> "MSE" + per;
        };
    }
}
