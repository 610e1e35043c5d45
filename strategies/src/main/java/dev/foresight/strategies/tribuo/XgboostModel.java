package dev.foresight.strategies.tribuo;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * {@code kind: xgboost}: gradient-boosted trees through Tribuo's XGBoost trainers (XGBoost4J
 * 1.6, native library bundled in its jar; needs libgomp). Regression boosts squared error on
 * standardised labels ({@link LabelScale}); classification boosts the softmax of up/down and
 * forecasts P(up). Parameters are XGBoost's own: {@code trees} boosting rounds, {@code eta},
 * {@code max_depth}, {@code min_child_weight}, {@code subsample}, {@code colsample} (per tree),
 * {@code lambda} (L2), {@code alpha} (L1), {@code gamma} (minimum split loss).
 *
 * <p>Deterministic: one thread (XGBoost's multi-threaded histogram sums can change the last bits
 * with the thread count) and the task seed for row and column sampling.
 */
record XgboostModel(XgboostTask task, int trees, double eta, int maxDepth, double minChildWeight, double subsample,
                    double colsample, double lambda, double alpha, double gamma) implements dev.foresight.model.Model {

    static final String KIND = "xgboost";

    XgboostModel {
        Objects.requireNonNull(task, "task");
        if (trees < 1 || !(eta > 0) || maxDepth < 1 || !(minChildWeight >= 0) || !(subsample > 0 && subsample <= 1)
                || !(colsample > 0 && colsample <= 1) || !(lambda >= 0) || !(alpha >= 0) || !(gamma >= 0)) {
            throw new IllegalArgumentException(KIND + ": parameter out of range: " + this);
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        Quiet.tribuo();
        String name = KIND;
        double[] y = Examples.checkedLabels(name, train);
        XgboostTask resolved = task.resolve(y);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("task_inferred", task == XgboostTask.AUTO);
        if (resolved == XgboostTask.CLASSIFICATION) {
            MutableDataset<Label> data = Examples.classification(name, train, y);
            XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(trees, eta, gamma, maxDepth,
                    minChildWeight, subsample, colsample, lambda, alpha, 1, true, seed);
            Model<Label> model = trainer.train(data);
            return new FittedClassifier(name, model, train.featureNames(), upShare(y), extra);
        }
        LabelScale scale = LabelScale.of(name, y);
        MutableDataset<Regressor> data = Examples.regression(name, train, y, scale);
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(
                XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, gamma, maxDepth, minChildWeight, subsample,
                colsample, lambda, alpha, 1, true, seed);
        Model<Regressor> model = trainer.train(data);
        return new FittedRegressor(name, model, scale, Labels.directionCoded(y), train.featureNames(), extra);
    }

    static double upShare(double[] y) {
        double ups = 0;
        for (double v : y) {
            ups += v;
        }
        return ups / y.length;
    }

    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.NONE;
    }
}
