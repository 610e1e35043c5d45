package dev.foresight.strategies.tribuo;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * {@code kind: cart}: one CART regression tree (Tribuo's {@link CARTRegressionTrainer}, mean squared
 * error impurity), grown to {@code max_depth}; a node with fewer than {@code min_child_weight} rows
 * is not split further (Tribuo's rule: it does not stop a split from cutting off a smaller leaf),
 * and a split must lower the impurity by {@code min_impurity_decrease}. Every feature is
 * considered at every split and split points are the exact midpoints, so the tree is deterministic;
 * the seed is passed anyway (used only if feature sampling is switched on). Trees need no feature
 * scaling.
 */
record CartModel(int maxDepth, double minChildWeight, double minImpurityDecrease, double featureFraction)
        implements dev.foresight.model.Model {

    static final String KIND = "cart";

    CartModel {
        if (maxDepth < 1 || !(minChildWeight > 0) || !(minImpurityDecrease >= 0)
                || !(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException(KIND + ": needs max_depth ≥ 1, min_child_weight > 0,"
                    + " min_impurity_decrease ≥ 0 and 0 < feature_fraction ≤ 1");
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        Quiet.tribuo();
        String name = KIND;
        double[] y = Examples.checkedLabels(name, train);
        LabelScale scale = LabelScale.of(name, y);
        MutableDataset<Regressor> data = Examples.regression(name, train, y, scale);
        CARTRegressionTrainer trainer = new CARTRegressionTrainer(maxDepth, (float) minChildWeight,
                (float) minImpurityDecrease, (float) featureFraction, false, new MeanSquaredError(), seed);
        Model<Regressor> model = trainer.train(data);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("features_used", model.getFeatureIDMap().size());
        return new FittedRegressor(name, model, scale, Labels.directionCoded(y), train.featureNames(), extra);
    }

    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.NONE;
    }
}
