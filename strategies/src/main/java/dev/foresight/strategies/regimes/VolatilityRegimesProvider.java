package dev.foresight.strategies.regimes;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/** {@code kind: volatility}. */
public final class VolatilityRegimesProvider implements PluginProvider<RegimeDetector> {

    public VolatilityRegimesProvider() {
    }

    @Override
    public Class<RegimeDetector> contract() {
        return RegimeDetector.class;
    }

    @Override
    public String kind() {
        return "volatility";
    }

    @Override
    public String description() {
        return "Low/normal/high trailing realised volatility, thresholds = quantiles over the training window only";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("window", 21, 2, 1000, "bars of log returns in the trailing volatility"),
                ParameterSpec.reals("quantiles", List.of(0.33, 0.67), 0, 1,
                        "two training-window quantiles (R type 7), 0 < low < high < 1: below low = low,"
                                + " above high = high, else normal"));
    }

    @Override
    public RegimeDetector create(Parameters parameters) {
        List<Double> q = parameters.reals("quantiles");
        if (q.size() != 2 || !(0 < q.get(0) && q.get(0) < q.get(1) && q.get(1) < 1)) {
            throw parameters.error("quantiles", "quantiles must be two numbers with 0 < low < high < 1, got " + q);
        }
        return new VolatilityRegimes(parameters.integer("window"), q.get(0), q.get(1));
    }
}
