package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: ar}. */
public final class ArProvider extends SimpleProvider<Model> {

    public ArProvider() {
        super(Model.class, "ar",
                "AR(p) by least squares on the target's own labels known at t (label(t-h), ..., label(t-h-p+1))",
                List.of(ParameterSpec.integer("p", 1, 1, 50, "number of lagged labels (autoregressive order)")),
                p -> new ArModel(p.integer("p")));
    }
}
