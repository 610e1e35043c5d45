package dev.foresight.strategies.tribuo;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.ElasticNetCDTrainer;
import org.tribuo.regression.slm.SparseLinearModel;

/**
 * {@code kind: linear}: elastic net by coordinate descent (Tribuo's {@link ElasticNetCDTrainer},
 * after Friedman, Hastie and Tibshirani 2010), minimising
 * {@code (1/2n)·Σ(y − b − x·w)² + alpha·l1_ratio·|w|₁ + alpha·(1 − l1_ratio)/2·|w|₂²} on
 * standardised labels ({@link LabelScale}); features are z-scored by the framework by default, so
 * {@code alpha} is on the scale of a correlation. Coordinates are visited in a random order drawn
 * from the task seed.
 */
record ElasticNetModel(double alpha, double l1Ratio, int maxIterations, double tolerance) implements Model {

    static final String KIND = "linear";

    ElasticNetModel {
        if (!(alpha >= 0) || !(l1Ratio > 0 && l1Ratio <= 1) || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException(KIND + ": needs alpha ≥ 0, 0 < l1_ratio ≤ 1, max_iterations ≥ 1 and"
                    + " tolerance > 0, got " + alpha + ", " + l1Ratio + ", " + maxIterations + ", " + tolerance);
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        Quiet.tribuo();
        String name = KIND;
        double[] y = Examples.checkedLabels(name, train);
        LabelScale scale = LabelScale.of(name, y);
        MutableDataset<Regressor> data = Examples.regression(name, train, y, scale);
        ElasticNetCDTrainer trainer = new ElasticNetCDTrainer(alpha, l1Ratio, tolerance, maxIterations, true, seed);
        SparseLinearModel model = (SparseLinearModel) trainer.train(data);
        Map<String, Object> extra = new LinkedHashMap<>();
        // weights on standardised labels (multiply by label_sd for the label's units); 0 = dropped by the L1 penalty
        Map<String, Double> weights = new LinkedHashMap<>();
        train.featureNames().forEach(f -> weights.put(f, 0.0));
        model.getWeights().get(Examples.OUTPUT).forEach(t -> weights.put(model.getFeatureIDMap().get(t.index).getName(),
                t.value));
        extra.put("weights", weights);
        return new FittedRegressor(name, model, scale, Labels.directionCoded(y), train.featureNames(), extra);
    }

    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.ZSCORE;
    }
}
