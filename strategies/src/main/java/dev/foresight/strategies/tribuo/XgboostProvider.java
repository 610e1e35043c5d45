package dev.foresight.strategies.tribuo;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/** {@code kind: xgboost}. */
public final class XgboostProvider extends SimpleProvider<Model> {

    public XgboostProvider() {
        super(Model.class, XgboostModel.KIND,
                "XGBoost gradient-boosted trees (Tribuo, one thread): regression, or P(up) classification for 0/1 labels",
                List.of(ParameterSpec.choice("task", "auto", XgboostTask.CHOICES,
                                "auto: classification when every training label is 0/1 (direction), else regression"),
                        ParameterSpec.integer("trees", 100, 1, 100_000, "boosting rounds"),
                        ParameterSpec.real("eta", 0.1, 1e-6, 1, "learning rate (shrinkage per tree)"),
                        ParameterSpec.integer("max_depth", 3, 1, 30, "maximum depth of each tree"),
                        ParameterSpec.real("min_child_weight", 5.0, 0, 1e9,
                                "minimum hessian sum in a leaf (rows, for squared error)"),
                        ParameterSpec.real("subsample", 0.8, 0.01, 1, "share of rows sampled per tree (task seed)"),
                        ParameterSpec.real("colsample", 0.8, 0.01, 1, "share of features sampled per tree (task seed)"),
                        ParameterSpec.real("lambda", 1.0, 0, 1e9, "L2 penalty on leaf weights"),
                        ParameterSpec.real("alpha", 0.0, 0, 1e9, "L1 penalty on leaf weights"),
                        ParameterSpec.real("gamma", 0.0, 0, 1e9, "minimum loss reduction to split")),
                p -> new XgboostModel(XgboostTask.of(p.text("task")), p.integer("trees"), p.real("eta"),
                        p.integer("max_depth"), p.real("min_child_weight"), p.real("subsample"), p.real("colsample"),
                        p.real("lambda"), p.real("alpha"), p.real("gamma")));
    }
}
