package dev.foresight.strategies.regimes;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/** {@code kind: volatility}. */
public final class VolatilityRegimesProvider extends SimpleProvider<RegimeDetector> {

    public VolatilityRegimesProvider() {
        super(RegimeDetector.class, "volatility",
                "Low/normal/high trailing realised volatility, thresholds = quantiles over the training window only",
                List.of(ParameterSpec.integer("window", 21, 2, 1000, "bars of log returns in the trailing volatility"),
                        ParameterSpec.reals("quantiles", List.of(0.33, 0.67), 0, 1,
                                "two training-window quantiles (R type 7), 0 < low < high < 1: below low = low,"
                                        + " above high = high, else normal")),
                VolatilityRegimesProvider::make);
    }

    private static RegimeDetector make(Parameters parameters) {
        List<Double> q = parameters.reals("quantiles");
        if (q.size() != 2 || !(0 < q.get(0) && q.get(0) < q.get(1) && q.get(1) < 1)) {
            throw parameters.error("quantiles", "quantiles must be two numbers with 0 < low < high < 1, got " + q);
        }
        return new VolatilityRegimes(parameters.integer("window"), q.get(0), q.get(1));
    }
}
