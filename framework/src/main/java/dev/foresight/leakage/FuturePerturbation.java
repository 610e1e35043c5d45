package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Check 3, future perturbation: scramble every bar after the fold's training data
 * ({@link dev.foresight.walkforward.Fold#lastTrainingBar()}) and refit the fold (a warm-starting
 * model from the same earlier fold's fit as the original, {@link FittedFold#previous()}: that fit
 * saw only bars before this fold's training end, none of the scrambled ones). Everything computed
 * for bars up to the end of training — feature rows, labels, regime labels, the fitted scaler and
 * the fitted model's outputs on its training and validation rows — must be bit-identical. A
 * difference means some stage saw the future; the first one found is blamed with the two values.
 */
public final class FuturePerturbation {

    /** Training and validation rows (the last ones of each) whose model outputs are compared. */
    static final int COMPARED_ROWS = 50;

    private FuturePerturbation() {
    }

    public static List<CheckOutcome> check(MarketData data, Pipeline pipeline, FittedFold original, long seed) {
        int cut = original.fold().lastTrainingBar();
        if (cut >= data.size() - 1) {
            return List.of(CheckOutcome.passed(CheckOutcome.PERTURBATION, "no bars after the training data to scramble"));
        }
        MarketData scrambled = FutureScramble.after(data, cut, seed);
        FittedFold refit;
        try {
            refit = original.model() == null ? FoldRunner.fitInputs(scrambled, pipeline, original.fold())
                    : FoldRunner.fit(scrambled, pipeline, original.fold(), original.previous());
        } catch (LookAheadException e) {
            return List.of(CheckOutcome.failed(CheckOutcome.PERTURBATION, "pipeline", "refitting fold "
                    + original.fold().index() + " read data not yet known: " + e.getMessage()));
        } catch (RuntimeException e) {
            return List.of(CheckOutcome.failed(CheckOutcome.PERTURBATION, "pipeline", "refitting fold "
                    + original.fold().index() + " failed once the bars after " + data.date(cut)
                    + " were scrambled, although the original fit succeeded: " + e.getMessage()));
        }
        int trainEnd = original.fold().trainEnd();
        List<CheckOutcome> out = new ArrayList<>();
        int offset = 0;
        for (FittedFold.FittedFeatureSet set : original.featureSets()) {
            String diff = firstDifference(original.raw(), refit.raw(), offset, set.columns().size(), trainEnd, data);
            if (diff != null) {
                out.add(fail("feature set " + set.name(), diff));
            }
            offset += set.columns().size();
        }
        for (int t = 0; t <= trainEnd; t++) {
            if (!Values.same(original.labels()[t], refit.labels()[t])) {
                out.add(fail("target", "label of training bar " + t + " (" + data.date(t) + "): original "
                        + Values.show(original.labels()[t]) + ", with the future scrambled " + Values.show(refit.labels()[t])
                        + ": the target reads beyond its declared horizon"));
                break;
            }
        }
        original.regimeLabels().forEach((name, labels) -> {
            String[] other = refit.regimeLabels().get(name);
            for (int t = 0; t <= trainEnd; t++) {
                if (!Values.same(labels[t], other[t])) {
                    out.add(fail("regime detector " + name, "label of training bar " + t + " (" + data.date(t)
                            + "): original '" + labels[t] + "', with the future scrambled '" + other[t] + "'"));
                    break;
                }
            }
        });
        if (out.isEmpty() && !original.scaler().equals(refit.scaler())) {
            out.add(fail("scaler", "fitted parameters changed: original " + original.scaler() + ", with the future scrambled "
                    + refit.scaler()));
        }
        String modelNote = "";
        if (out.isEmpty() && original.model() != null) {
            int[] fit = original.fitRows();
            int[] compared = Arrays.copyOfRange(fit, Math.max(0, fit.length - COMPARED_ROWS), fit.length);
            int[] validation = original.validationRows();
            int[] comparedValidation = Arrays.copyOfRange(validation,
                    Math.max(0, validation.length - COMPARED_ROWS), validation.length);
            String diff;
            try {
                diff = modelDifference(original, refit, original.fitData().withRows(compared),
                        refit.fitData().withRows(compared), data, "training");
                if (diff == null && comparedValidation.length > 0) {
                    diff = modelDifference(original, refit, original.validationData().withRows(comparedValidation),
                            refit.validationData().withRows(comparedValidation), data, "validation");
                }
                modelNote = " and model outputs on its last " + compared.length + " training rows"
                        + (comparedValidation.length > 0 ? " and " + comparedValidation.length + " validation rows" : "")
                        + (original.previous() == null ? ""
                        : " (refit, like the original, from fold " + original.previous().fold().index() + "'s model)");
            } catch (RuntimeException e) {
                // A model may be unable to forecast early training rows (too few lags): that is not a leak.
                diff = null;
                modelNote = "; model outputs on training rows not compared (" + e.getMessage() + ")";
            }
            if (diff != null) {
                out.add(fail("model " + pipeline.modelName(), diff));
            }
        }
        if (out.isEmpty()) {
            out.add(CheckOutcome.passed(CheckOutcome.PERTURBATION, "scrambled " + (data.size() - 1 - cut) + " bars after "
                    + data.date(cut) + ": features, labels, regimes, scaler" + modelNote + " unchanged"));
        }
        return out;
    }

    private static String modelDifference(FittedFold a, FittedFold b, ModelData da, ModelData db, MarketData data,
                                          String rows) {
        Forecast[] fa = a.model().predict(da);
        Forecast[] fb = b.model().predict(db);
        int[] r = da.rows();
        for (int i = 0; i < fa.length; i++) {
            if (!Values.same(fa[i].point(), fb[i].point()) || !Values.same(fa[i].probabilityUp(), fb[i].probabilityUp())
                    || !Values.same(fa[i].variance(), fb[i].variance())) {
                return "output on " + rows + " row " + r[i] + " (" + data.date(r[i]) + "): original "
                        + Values.show(fa[i].point()) + ", with the future scrambled " + Values.show(fb[i].point())
                        + " (a model must depend on its training data only; also check it is deterministic for a seed)";
            }
        }
        return null;
    }

    private static String firstDifference(FeatureMatrix a, FeatureMatrix b, int offset, int width, int lastRow,
                                          MarketData data) {
        for (int t = 0; t <= lastRow; t++) {
            for (int c = offset; c < offset + width; c++) {
                if (!Values.same(a.get(t, c), b.get(t, c))) {
                    return "column '" + a.names().get(c) + "' at training bar " + t + " (" + data.date(t) + "): original "
                            + Values.show(a.get(t, c)) + ", with the future scrambled " + Values.show(b.get(t, c));
                }
            }
        }
        return null;
    }

    private static CheckOutcome fail(String plugin, String evidence) {
        return CheckOutcome.failed(CheckOutcome.PERTURBATION, plugin, evidence);
    }
}
