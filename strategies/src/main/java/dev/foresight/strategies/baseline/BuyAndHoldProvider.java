package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;

/** {@code kind: buy-and-hold}. */
public final class BuyAndHoldProvider implements PluginProvider<Model> {

    public BuyAndHoldProvider() {
    }

    @Override
    public Class<Model> contract() {
        return Model.class;
    }

    @Override
    public String kind() {
        return "buy-and-hold";
    }

    @Override
    public String description() {
        return "Always long (position +1 whatever the strategy); forecasts the mean training label like historical-mean";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Model create(Parameters parameters) {
        return new BuyAndHoldModel();
    }
}
