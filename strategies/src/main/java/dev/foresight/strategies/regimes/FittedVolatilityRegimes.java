package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.regime.FittedRegimeDetector;
import java.util.List;

/**
 * Labels a bar {@code low} when its trailing volatility is below {@code lowThreshold},
 * {@code high} when above {@code highThreshold}, {@code normal} in between (bounds included),
 * and null while the first window fills.
 */
record FittedVolatilityRegimes(int window, double lowThreshold, double highThreshold) implements FittedRegimeDetector {

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
            if (Double.isNaN(vol[t])) {
                out[t] = null;
            } else if (vol[t] < lowThreshold) {
                out[t] = LOW;
            } else {
                out[t] = vol[t] > highThreshold ? HIGH : NORMAL;
            }
        }
        return out;
    }
}
