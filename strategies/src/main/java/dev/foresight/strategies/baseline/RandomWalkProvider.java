package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;

/** {@code kind: random-walk}. */
public final class RandomWalkProvider implements PluginProvider<Model> {

    public RandomWalkProvider() {
    }

    @Override
    public Class<Model> contract() {
        return Model.class;
    }

    @Override
    public String kind() {
        return "random-walk";
    }

    @Override
    public String description() {
        return "No-change forecast: 0 for returns, the latest known value for next close and realised volatility,"
                + " 0.5 for direction (mode auto infers which from the training labels)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice("mode", "auto", RandomWalkMode.CHOICES,
                "zero: point 0 (log return); last: latest label known at t (next close, realised volatility);"
                        + " half: 0.5 and probability of up 0.5 (direction); auto: half if training labels are"
                        + " all 0/1, else last if all ≥ 0, else zero"));
    }

    @Override
    public Model create(Parameters parameters) {
        return new RandomWalkModel(RandomWalkMode.of(parameters.text("mode")));
    }
}
