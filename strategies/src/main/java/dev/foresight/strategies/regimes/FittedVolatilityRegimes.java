package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.regime.LastLabelDetector;
import java.util.List;

/**
 * Labels a bar {@code low} when its trailing volatility is below {@code lowThreshold},
 * {@code high} when above {@code highThreshold}, {@code normal} in between (bounds included),
 * and null while the first window fills.
 */
record FittedVolatilityRegimes(int window, double lowThreshold, double highThreshold) implements LastLabelDetector {

    static final String LOW = "low";
    static final String NORMAL = "normal";
    static final String HIGH = "high";

    FittedVolatilityRegimes {
        if (!(Double.isFinite(lowThreshold) && Double.isFinite(highThreshold) && lowThreshold <= highThreshold)) {
            throw new IllegalArgumentException("volatility thresholds must be finite and ordered, got "
                    + lowThreshold + ", " + highThreshold);
        }
    }

    @Override
    public List<String> names() {
        return List.of(LOW, NORMAL, HIGH);
    }

    @Override
    public String[] label(MarketView view) {
        double[] vol = TrailingVolatility.of(view.primary().prices(), window);
        String[] out = new String[vol.length];
        for (int t = 0; t < vol.length; t++) {
            out[t] = label(vol[t]);
        }
        return out;
    }

    /** The last bar's label from its trailing windows alone (O(window): the truncation check asks at every test bar). */
    @Override
    public String lastLabel(MarketView view) {
        return label(TrailingVolatility.last(view.primary(), window));
    }

    private String label(double vol) {
        if (Double.isNaN(vol)) {
            return null;
        }
        if (vol < lowThreshold) {
            return LOW;
        }
        return vol > highThreshold ? HIGH : NORMAL;
    }
}
