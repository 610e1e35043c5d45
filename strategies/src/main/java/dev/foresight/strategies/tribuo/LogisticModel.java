package dev.foresight.strategies.tribuo;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * {@code kind: logistic}: logistic regression of up (1) vs down (0) by stochastic gradient descent
 * — Tribuo's {@link LinearSGDTrainer} with the log-loss (softmax) objective and AdaGrad, as its
 * {@code LogisticRegressionTrainer} does, but with the epochs, learning rate and minibatch given
 * here and the examples shuffled by the task seed. Direction targets only: other labels fail the
 * fold with a message. Features are z-scored by default (SGD converges badly on raw scales).
 */
record LogisticModel(int epochs, double learningRate, int minibatch) implements Model {

    static final String KIND = "logistic";

    /** AdaGrad's epsilon, Tribuo's LogisticRegressionTrainer default. */
    private static final double EPSILON = 0.1;

    LogisticModel {
        if (epochs < 1 || !(learningRate > 0) || minibatch < 1) {
            throw new IllegalArgumentException(KIND + ": needs epochs ≥ 1, learning_rate > 0 and minibatch ≥ 1");
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        Quiet.tribuo();
        String name = KIND;
        double[] y = Examples.checkedLabels(name, train);
        MutableDataset<Label> data = Examples.classification(name, train, y);
        // logging interval: every 2^30 examples, i.e. never
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, EPSILON), epochs,
                1 << 30, minibatch, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data);
        Map<String, Object> extra = new LinkedHashMap<>();
        return new FittedClassifier(name, model, train.featureNames(), XgboostModel.upShare(y), extra);
    }

    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.ZSCORE;
    }
}
