package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.data.SeriesView;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.LastLabelDetector;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/**
 * Bull / bear by a fixed rule on the primary series' price (adjusted close when present). Nothing
 * is learnt from the training window: the rule's parameters come from the YAML, and each label
 * uses bars up to its own only.
 * <ul>
 *   <li>{@code method: sma}: {@code bull} when {@code price(t) ≥ SMA_window(t)}, the mean of the
 *       prices of bars {@code t−window+1..t}; {@code bear} otherwise; no label for the first
 *       {@code window − 1} bars.</li>
 *   <li>{@code method: drawdown}: {@code bear} when the price is at least {@code threshold} below
 *       its running peak since the first bar of the data ({@code price(t) ≤ (1 − threshold) ·
 *       max_{s≤t} price(s)}), {@code bull} otherwise. The bear label starts on the bar that
 *       crosses the threshold (never back-dated to the peak, which would need hindsight).</li>
 * </ul>
 */
record TrendRegimes(Method method, int window, double threshold) implements RegimeDetector {

    static final String BULL = "bull";
    static final String BEAR = "bear";

    enum Method { SMA, DRAWDOWN }

    TrendRegimes {
        if (window < 2) {
            throw new IllegalArgumentException("trend: window must be ≥ 2, got " + window);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("trend: threshold must be in (0, 1), got " + threshold);
        }
    }

    @Override
    public FittedRegimeDetector fit(MarketView train) {
        return new Fitted(this);
    }

    private record Fitted(TrendRegimes rule) implements LastLabelDetector {

        @Override
        public List<String> names() {
            return List.of(BULL, BEAR);
        }

        @Override
        public String[] label(MarketView view) {
            double[] p = view.primary().prices();
            String[] out = new String[p.length];
            if (rule.method == Method.SMA) {
                // O(n), not O(n·window): the truncation check relabels a history cut at every test
                // bar. The window's sum is carried (one price in, one out) and summed afresh every
                // window bars to bound rounding drift; when depends on the bar's index alone, so a
                // prefix of the data still gives a prefix of the labels, bit for bit.
                int w = rule.window;
                double sum = 0;
                for (int t = w - 1; t < p.length; t++) {
                    sum = smaSum(p, 0, w, sum, t);
                    out[t] = p[t] >= sum / w ? BULL : BEAR;
                }
            } else {
                double peak = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < p.length; t++) {
                    peak = Math.max(peak, p[t]);
                    out[t] = p[t] <= (1 - rule.threshold) * peak ? BEAR : BULL;
                }
            }
            return out;
        }

        /**
         * The last bar's label alone. SMA: from the last bar at or before it that the window's sum
         * is re-summed at, with the same arithmetic as {@link #label}, so the same bits in O(window)
         * (the truncation check asks at every test bar). Drawdown: the running peak needs every bar.
         */
        @Override
        public String lastLabel(MarketView view) {
            SeriesView series = view.primary();
            int t = view.last();
            if (rule.method == Method.DRAWDOWN) {
                double[] p = series.prices();
                double peak = Double.NEGATIVE_INFINITY;
                for (double price : p) {
                    peak = Math.max(peak, price);
                }
                return p[t] <= (1 - rule.threshold) * peak ? BEAR : BULL;
            }
            int w = rule.window;
            if (t < w - 1) {
                return null;
            }
            int from = (w - 1) + (t - (w - 1)) / w * w;
            int base = from - w + 1;
            double[] p = new double[t - base + 1];
            for (int s = base; s <= t; s++) {
                p[s - base] = series.price(s);
            }
            double sum = 0;
            for (int s = from; s <= t; s++) {
                sum = smaSum(p, base, w, sum, s);
            }
            return p[t - base] >= sum / w ? BULL : BEAR;
        }

        /**
         * The window's sum at bar {@code t} from {@code sum}, its value at {@code t − 1}: summed
         * afresh every {@code w} bars (from bar {@code w − 1}), else one price in and one out.
         * {@code p[i - base]} holds bar {@code i}.
         */
        private static double smaSum(double[] p, int base, int w, double sum, int t) {
            if ((t - (w - 1)) % w == 0) {
                double fresh = 0;
                for (int s = t - w + 1; s <= t; s++) {
                    fresh += p[s - base];
                }
                return fresh;
            }
            return sum + (p[t - base] - p[t - w - base]);
        }
    }
}