package dev.foresight.strategies.baseline;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Labels;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import java.util.Arrays;

/**
 * Forecasts the mean training label, fixed at fit time.
 *
 * @param window 0 = every training row; otherwise the last {@code window} training rows (all of
 *               them when there are fewer, as in the first folds of a walk-forward; the number
 *               actually used is reported)
 */
record HistoricalMeanModel(int window) implements Model {

    HistoricalMeanModel {
        if (window < 0) {
            throw new IllegalArgumentException("historical-mean: window must be ≥ 0 (0 = all rows), got " + window);
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        return fitMean("historical-mean", train, window);
    }

    /** Shared with buy-and-hold, whose forecasts must equal this model's by design. */
    static FittedMean fitMean(String model, ModelData train, int window) {
        int[] rows = train.rows();
        double[] labels = train.rowLabels();
        LabelShape.requireFinite(model, rows, labels);
        if (labels.length == 0) {
            throw new IllegalArgumentException(model + ": there are no training rows to average");
        }
        int from = window == 0 ? 0 : Math.max(0, labels.length - window);
        double[] used = Arrays.copyOfRange(labels, from, labels.length);
        double sum = 0;
        for (double y : used) {
            sum += y;
        }
        return new FittedMean(sum / used.length, Labels.directionCoded(used), used.length, window);
    }
}
