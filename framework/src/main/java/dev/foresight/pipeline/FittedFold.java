package dev.foresight.pipeline;

import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.FittedModel;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.scaling.Scaler;
import dev.foresight.walkforward.Fold;
import java.util.List;
import java.util.Map;

/**
 * A fold after fitting and before forecasting: the fitted transforms, the features they computed
 * up to the last test bar (raw and scaled), the labels, the fitted model and regime detectors, and
 * the earlier fold's fit a warm-starting model started from ({@code previous}, null when it
 * started fresh). Leakage checks recompute parts of this on truncated or perturbed data and
 * compare; a refit starts from the same {@code previous}.
 */
public record FittedFold(Fold fold, List<FittedFeatureSet> featureSets, FeatureMatrix raw, double[] labels,
                         Scaler scaler, FeatureMatrix scaled, int[] fitRows, int[] validationRows,
                         int rowsDroppedForWarmUp, FittedModel model, long fitNanos,
                         Map<String, FittedRegimeDetector> detectors, Map<String, String[]> regimeLabels,
                         PreviousFit previous, Fold planned) {

    /**
     * A fold whose model fold is the planned fold ({@code planned}: the walk-forward plan's fold,
     * before {@link FoldRunner#modelFold} drops a validation tail the model does not use; a
     * {@linkplain SizingVolatility volatility model} is fit on it with its own fold rule).
     */
    public FittedFold(Fold fold, List<FittedFeatureSet> featureSets, FeatureMatrix raw, double[] labels,
                      Scaler scaler, FeatureMatrix scaled, int[] fitRows, int[] validationRows,
                      int rowsDroppedForWarmUp, FittedModel model, long fitNanos,
                      Map<String, FittedRegimeDetector> detectors, Map<String, String[]> regimeLabels,
                      PreviousFit previous) {
        this(fold, featureSets, raw, labels, scaler, scaled, fitRows, validationRows, rowsDroppedForWarmUp, model,
                fitNanos, detectors, regimeLabels, previous, fold);
    }

    /** One feature set's fitted transform and the columns it produced. */
    public record FittedFeatureSet(String name, dev.foresight.feature.FittedFeatures fitted, List<String> columns) {
    }

    /** The same fold without its model: what {@link FoldRunner#fitInputs} returns. */
    public FittedFold withoutModel() {
        return new FittedFold(fold, featureSets, raw, labels, scaler, scaled, fitRows, validationRows, rowsDroppedForWarmUp,
                null, 0, detectors, regimeLabels, null, planned);
    }

    /** Model input for the fitting rows, with labels known at the end of the training window. */
    public ModelData fitData() {
        return ModelData.of(scaled, labels, fold.horizon(), fold.lastTrainingBar(), fitRows);
    }

    /** Model input for the validation rows (possibly none), with labels known at the end of the training window. */
    public ModelData validationData() {
        return ModelData.of(scaled, labels, fold.horizon(), fold.lastTrainingBar(), validationRows);
    }

    /** Model input for forecasting the test rows, with labels known at the last test bar. */
    public ModelData predictData() {
        return ModelData.of(scaled, labels, fold.horizon(), fold.testEnd(), fold.testRows());
    }

    /**
     * Model input for forecasting one bar {@code t} with nothing after {@code t} visible, from
     * scaled features computed on history cut at {@code t}.
     */
    public ModelData predictDataAt(FeatureMatrix scaledUpToT, int t) {
        return ModelData.of(scaledUpToT, labels, fold.horizon(), t, new int[] {t});
    }
}
