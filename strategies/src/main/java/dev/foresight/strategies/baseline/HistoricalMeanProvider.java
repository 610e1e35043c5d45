package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: historical-mean}. */
public final class HistoricalMeanProvider extends SimpleProvider<Model> {

    public HistoricalMeanProvider() {
        super(Model.class, "historical-mean",
                "Forecasts the mean training label, fixed at fit time (the up-frequency for direction targets)",
                List.of(ParameterSpec.integer("window", 0, 0, Integer.MAX_VALUE,
                        "training rows to average: 0 = all, N = the last N (all of them when fewer exist)")),
                p -> new HistoricalMeanModel(p.integer("window")));
    }
}
