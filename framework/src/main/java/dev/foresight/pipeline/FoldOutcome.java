package dev.foresight.pipeline;

import dev.foresight.model.FittedModel;
import dev.foresight.scaling.Scaler;
import dev.foresight.walkforward.Fold;
import java.util.List;
import java.util.Map;

/**
 * What one fold produced: a row per test bar, the fit's diagnostics, and how many rows each
 * stage could use (warm-up rows are dropped, never filled, and counted here); and the fitted
 * model, which the next fold of a warm-starting model starts from ({@link FoldChain}).
 */
public record FoldOutcome(Fold fold, List<BarOutcome> bars, List<String> featureNames, Scaler scaler,
                          int fitRowsUsed, int validationRowsUsed, int trainingRowsDroppedForWarmUp,
                          Map<String, Object> diagnostics, long fitNanos, long predictNanos, FittedModel model) {

    public FoldOutcome {
        bars = List.copyOf(bars);
        featureNames = List.copyOf(featureNames);
        diagnostics = Map.copyOf(diagnostics);
    }
}
