package dev.foresight.strategies.tribuo;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: linear}. */
public final class LinearProvider extends SimpleProvider<Model> {

    public LinearProvider() {
        super(Model.class, ElasticNetModel.KIND,
                "Elastic net (Tribuo coordinate descent) on the feature rows, labels standardised; z-score features by default",
                List.of(ParameterSpec.real("alpha", 0.01, 0, 100, "overall penalty strength (0 = least squares)"),
                        ParameterSpec.real("l1_ratio", 0.5, 0.001, 1, "share of the penalty that is L1 (1 = lasso)"),
                        ParameterSpec.integer("max_iterations", 1000, 1, 1_000_000, "coordinate descent sweeps at most"),
                        ParameterSpec.real("tolerance", 1e-4, 1e-12, 1, "convergence tolerance")),
                p -> new ElasticNetModel(p.real("alpha"), p.real("l1_ratio"), p.integer("max_iterations"),
                        p.real("tolerance")));
    }
}
