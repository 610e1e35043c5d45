package dev.foresight.strategies.tribuo;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: logistic}. */
public final class LogisticProvider extends SimpleProvider<Model> {

    public LogisticProvider() {
        super(Model.class, LogisticModel.KIND,
                "Logistic regression of direction (Tribuo SGD, AdaGrad, seeded shuffle): forecast = P(up); 0/1 labels only",
                List.of(ParameterSpec.integer("epochs", 10, 1, 10_000, "passes over the training rows"),
                        ParameterSpec.real("learning_rate", 0.5, 1e-6, 100, "AdaGrad's initial learning rate"),
                        ParameterSpec.integer("minibatch", 1, 1, 100_000, "examples per gradient step")),
                p -> new LogisticModel(p.integer("epochs"), p.real("learning_rate"), p.integer("minibatch")));
    }
}
