package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: random-walk}. */
public final class RandomWalkProvider extends SimpleProvider<Model> {

    public RandomWalkProvider() {
        super(Model.class, "random-walk",
                "No-change forecast: 0 for returns, the latest known value for next close and realised volatility,"
                        + " 0.5 for direction (mode auto infers which from the training labels)",
                List.of(ParameterSpec.choice("mode", "auto", RandomWalkMode.CHOICES,
                        "zero: point 0 (log return); last: latest label known at t (next close, realised volatility);"
                                + " half: 0.5 and probability of up 0.5 (direction); auto: half if training labels are"
                                + " all 0/1, else last if all ≥ 0, else zero")),
                p -> new RandomWalkModel(RandomWalkMode.of(p.text("mode"))));
    }
}
