package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;

/** {@code kind: historical-mean}. */
public final class HistoricalMeanProvider implements PluginProvider<Model> {

    public HistoricalMeanProvider() {
    }

    @Override
    public Class<Model> contract() {
        return Model.class;
    }

    @Override
    public String kind() {
        return "historical-mean";
    }

    @Override
    public String description() {
        return "Forecasts the mean training label, fixed at fit time (the up-frequency for direction targets)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("window", 0, 0, Integer.MAX_VALUE,
                "training rows to average: 0 = all, N = the last N (all of them when fewer exist)"));
    }

    @Override
    public Model create(Parameters parameters) {
        return new HistoricalMeanModel(parameters.integer("window"));
    }
}
