package dev.foresight.strategies.regimes;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.RegimeDetector;
import java.util.List;
import java.util.Locale;

/** {@code kind: trend}. */
public final class TrendRegimesProvider extends SimpleProvider<RegimeDetector> {

    public TrendRegimesProvider() {
        super(RegimeDetector.class, "trend",
                "Bull/bear: price vs its simple moving average, or drawdown from the running peak beyond a threshold",
                List.of(ParameterSpec.choice("method", "sma", List.of("sma", "drawdown"),
                                "sma: bull when price ≥ SMA(window); drawdown: bear when price ≤ (1 − threshold) × running peak"),
                        ParameterSpec.integer("window", 200, 2, 10_000, "bars in the moving average (method sma)"),
                        ParameterSpec.real("threshold", 0.2, 0.001, 0.999,
                                "fall from the running peak that makes a bear market (method drawdown)")),
                p -> new TrendRegimes(TrendRegimes.Method.valueOf(p.text("method").toUpperCase(Locale.ROOT)),
                        p.integer("window"), p.real("threshold")));
    }
}
