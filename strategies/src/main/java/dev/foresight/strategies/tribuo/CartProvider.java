package dev.foresight.strategies.tribuo;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: cart}. */
public final class CartProvider extends SimpleProvider<Model> {

    public CartProvider() {
        super(Model.class, CartModel.KIND,
                "CART regression tree (Tribuo, mean squared error) on the feature rows",
                List.of(ParameterSpec.integer("max_depth", 4, 1, 30, "maximum depth of the tree"),
                        ParameterSpec.real("min_child_weight", 20.0, 1, 1e9, "a node with fewer training rows is not split further"),
                        ParameterSpec.real("min_impurity_decrease", 0.0, 0, 1e9,
                                "a split must lower the weighted impurity (standardised labels) by at least this"),
                        ParameterSpec.real("feature_fraction", 1.0, 0.01, 1,
                                "share of features considered at each split (below 1: sampled with the task seed)")),
                p -> new CartModel(p.integer("max_depth"), p.real("min_child_weight"), p.real("min_impurity_decrease"),
                        p.real("feature_fraction")));
    }
}
