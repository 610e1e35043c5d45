package dev.foresight.reports.html;

import dev.foresight.evaluation.RegimeBreakdown;
import dev.foresight.reports.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the numbers mean: annualisation, risk-free rate, costs, losses, tests, markers, thinning. */
final class ConventionsSection implements Section {

    record Item(String key, String value) {
    }

    record View(List<Item> items) {
    }

    @Override
    public String slot() {
        return "conventions";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("annualisation", in.annualisation().periodsPerYear() + " periods per year; Sharpe = mean(r − rf/ppy) / sd(r) × √ppy (sample sd)"));
        items.add(new Item("risk-free rate", String.format(Locale.ROOT, "%.4g", in.config().riskFreeRate()) + " per year"));
        for (ReportInput.Experiment e : in.experiments()) {
            items.add(new Item("experiment " + e.name(), "target " + e.target() + "; " + (e.traded()
                    ? "traded with " + e.config().strategy().get("kind") + ", costs " + fmt(e.config().costBps()) + " bps + slippage "
                    + fmt(e.config().slippageBps()) + " bps per unit of turnover; " + execution(e.config().executionRule())
                    : "not traded (forecast scores only)") + "; baseline " + e.baseline()));
        }
        items.add(new Item("losses", "MSE, MAE of forecast − label in the target's units (for direction targets MSE is the Brier score);"
                + " QLIKE = mean(p/f − ln(p/f) − 1) with p the squared realised-vol label and f the squared forecast"));
        items.add(new Item("direction accuracy", "hits / calls; a bar is a call only when both the forecast and the actual move are non-zero"));
        items.add(new Item("ranking", "by Sharpe after costs when the experiment trades (a model that never holds a position"
                + " is never ranked first), else by QLIKE for volatility targets, by the Brier score (the MSE of P(up)) for"
                + " direction, by MSE otherwise"));
        items.add(new Item("Diebold–Mariano", "squared (and absolute) loss difference to the baseline, HLN-corrected, two-sided t(n−1) p-value; negative = the model has the smaller loss"));
        items.add(new Item("Pesaran–Timmermann", "one-sided p-value of direction calls beating chance"));
        items.add(new Item("PSR / DSR", "probabilistic Sharpe ratio P(true Sharpe > 0); deflated Sharpe ratio: the PSR"
                + " against the expected best of N configurations, N = the traded configurations of the model's grid entry"
                + " searched in its experiment (1 outside a grid), shown beside each figure"));
        items.add(new Item("bootstrap", "stationary bootstrap, mean block " + String.format(Locale.ROOT, "%.0f", Summary.BOOTSTRAP_BLOCK)
                + " bars, " + Summary.BOOTSTRAP_REPLICATIONS + " resamples seeded by the batch seed, 95% percentile intervals"));
        items.add(new Item("markers", "*** p < 0.01, ** p < 0.05, * p < 0.10 (DM on ΔMSE and DM p; PT on hit%; 1 − PSR, 1 − DSR on those);"
                + " ◆ the 95% bootstrap interval of ΔSharpe excludes 0; green/red = better/worse than the baseline"));
        items.add(new Item("regimes", "a regime's figures use its bars only (trading figures: the full path's net returns restricted to them);"
                + " n* = fewer than " + RegimeBreakdown.MIN_BARS + " bars; the per-regime DM test pools a regime's non-contiguous bars (an approximation)"));
        items.add(new Item("VaR backtests", "historical VaR/ES: −(1 − a) quantile (R type 7) and −mean of the returns at"
                + " or below it; a model's one-day VaR −(μ + σ·F⁻¹(1 − a)) from its forecast mean and variance (normal, or"
                + " its unit-variance Student-t), a failure = a realised log return below −VaR; Kupiec's proportion of"
                + " failures χ²(1), Christoffersen's independence χ²(1) and conditional coverage χ²(2), transitions only"
                + " between consecutive bars (of the regime, per regime)"));
        if (!in.scorecard().portfolios().isEmpty()) {
            items.add(new Item("portfolios", "exposure e_a from each asset's position p_a: equal p_a/N, inverse"
                    + " volatility p_a·(1/σ_a)/Σ(1/σ_b), volatility target k·p_a/N (k from the forecast covariance, capped"
                    + " by max_leverage); each asset pays its own costs on |e_a − q_a| (q_a held since the previous"
                    + " close); book return = Σ contributions (at the next open: q_a·b_a + (1 + Σ q·b)·(e_a·a_a − cost_a));"
                    + " flat at the start and after every gap in the common bars"));
        }
        items.add(new Item("charts", "series longer than " + Charts.MAX_POINTS + " points are thinned for drawing (every k-th bar, drawdowns keep each bucket's deepest point);"
                + " chart values are rounded to 6 significant digits; every table figure uses every bar. Rolling windows: "
                + RollingSection.WINDOW + " bars"));
        return Templates.render(slot(), new View(items));
    }

    /** The execution rule in words, with what each leg earns. */
    static String execution(String rule) {
        return switch (rule) {
            case "close" -> "executed at the close (execution: close): the position decided at the close of t earns "
                    + "close(t) → close(t+1)";
            case "next-open" -> "executed at the next open (execution: next-open): the position decided at the close of t "
                    + "is entered at the open of t+1 and earns open(t+1) → close(t+1), the previous one the overnight "
                    + "close(t) → open(t+1); costs on the notional traded at the open";
            default -> "executed by rule " + rule;
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
