package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import java.util.Objects;

/** The "no change" forecast; learns nothing except, in auto mode, which kind of target it faces. */
record RandomWalkModel(RandomWalkMode mode) implements Model {

    RandomWalkModel {
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        if (mode != RandomWalkMode.AUTO) {
            return new FittedRandomWalk(mode, false);
        }
        double[] labels = train.rowLabels();
        LabelShape.requireFinite("random-walk", train.rows(), labels);
        return new FittedRandomWalk(RandomWalkMode.infer(labels), true);
    }
}
