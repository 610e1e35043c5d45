package dev.foresight.pipeline;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.SeriesView;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Labels;
import dev.foresight.model.PreviousFit;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.UnsupportedDataException;
import dev.foresight.scaling.Scaler;
import dev.foresight.strategy.Strategy;
import dev.foresight.strategy.StrategyInput;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one fold of a {@link Pipeline} in two stages, keeping every stage inside what it may see.
 * {@link #fit}: feature sets and regime detectors are fit on the training window
 * ({@code 0..trainEnd}); the scaler on complete training rows; the model on the fitting rows with
 * labels known at {@code trainEnd + horizon} — the whole training window unless the model
 * {@linkplain dev.foresight.model.Model#usesValidation() uses the validation tail}. {@link #predict}: forecasts see features up to the
 * test bar and only labels known by then; then positions and per-bar outcomes. Look-ahead through
 * the data views throws; what cannot be prevented is checked by the leakage checks.
 */
public final class FoldRunner {

    private FoldRunner() {
    }

    /** Both stages, the model fit fresh. */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, Fold fold) {
        return run(data, pipeline, fold, null);
    }

    /**
     * Both stages; a warm-starting model starts from {@code previous} (see
     * {@link #fitModel(MarketData, Pipeline, FittedFold, PreviousFit)}).
     */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, Fold fold, PreviousFit previous) {
        return predict(data, pipeline, fit(data, pipeline, fold, previous));
    }

    /**
     * Fits features, scaler, model and regime detectors for {@code fold}, the model fresh.
     *
     * @throws FoldFailure for a model that cannot fit (the batch records it and goes on)
     */
    public static FittedFold fit(MarketData data, Pipeline pipeline, Fold fold) {
        return fit(data, pipeline, fold, null);
    }

    /**
     * Fits features, scaler, model and regime detectors for {@code fold}; a warm-starting model
     * starts from {@code previous}.
     *
     * @throws FoldFailure for a model that cannot fit (the batch records it and goes on)
     */
    public static FittedFold fit(MarketData data, Pipeline pipeline, Fold fold, PreviousFit previous) {
        return fit(data, pipeline, fold, previous, FitProgress.NONE);
    }

    /**
     * The same, the model reporting its epochs to {@code progress} (the caller binds it to the task
     * and fold it runs; reports never change the fit).
     *
     * @throws FoldFailure for a model that cannot fit (the batch records it and goes on)
     */
    public static FittedFold fit(MarketData data, Pipeline pipeline, Fold fold, PreviousFit previous,
                                 FitProgress progress) {
        return fitModel(data, pipeline, fitInputs(data, pipeline, fold), previous, progress);
    }

    /**
     * The fold as this pipeline's model sees it: the planned fold for a model that {@linkplain
     * dev.foresight.model.Model#usesValidation() uses the validation tail}, else the same fold
     * fitting the whole training window ({@link Fold#withoutValidation()}). Everything downstream
     * (fitting rows, scaler, leakage checks, the task file's windows) follows this fold.
     */
    public static Fold modelFold(Pipeline pipeline, Fold planned) {
        return pipeline.model().usesValidation() ? planned : planned.withoutValidation();
    }

    /**
     * Everything but the model: feature sets, labels, usable rows, scaler and regime detectors, on
     * the {@linkplain #modelFold model's fold} of {@code planned}. The returned fold has no model yet
     * ({@link FittedFold#model()} is null).
     */
    public static FittedFold fitInputs(MarketData data, Pipeline pipeline, Fold planned) {
        Fold fold = modelFold(pipeline, planned);
        int h = pipeline.target().horizon();
        MarketView train = data.upTo(fold.trainEnd());
        MarketView test = data.upTo(fold.testEnd());

        List<FittedFold.FittedFeatureSet> sets = fitFeatures(pipeline.features(), train);
        FeatureMatrix raw = compute(sets, test);
        double[] labels = pipeline.target().labels(data.upTo(Math.min(data.size() - 1, fold.testEnd() + h)).primary());

        int window = pipeline.model().window();
        int[] fitRows = usable(fold.fitRows(), raw, labels, window);
        int[] validationRows = usable(fold.validationRows(), raw, labels, window);
        int dropped = fold.fitRows().length + fold.validationRows().length - fitRows.length - validationRows.length;
        String where = where(data, fold);
        if (fitRows.length < 2) {
            throw new FoldFailure(where + ": only " + fitRows.length + " training rows have complete features"
                    + " (warm-up and window " + window + " leave too little): use a longer training window");
        }
        if (pipeline.target().continuous() && Labels.directionCoded(Arrays.stream(fitRows).mapToDouble(t -> labels[t]).toArray())) {
            throw new FoldFailure(where + ": every training label of " + pipeline.target().name() + " is 0 or 1 (is the"
                    + " price series flat over the training window?); models would read them as a direction target's"
                    + " labels and forecast a probability of up, so this fold is not scored");
        }
        Scaler scaler = Scaler.fit(pipeline.scaling(), raw, concat(fitRows, validationRows));
        FeatureMatrix scaled = scaler.apply(raw);

        Map<String, FittedRegimeDetector> detectors = new LinkedHashMap<>();
        for (NamedRegimeDetector d : pipeline.regimes()) {
            try {
                detectors.put(d.name(), d.detector().fit(train));
            } catch (UnsupportedDataException e) {
                throw new UserError(d.location(), e.getMessage());
            }
        }
        Map<String, String[]> regimeLabels = regimeLabels(detectors, test);
        return new FittedFold(fold, sets, raw, labels, scaler, scaled, fitRows, validationRows, dropped, null, 0,
                detectors, regimeLabels, null, planned);
    }

    /** Fits the model, fresh, on a fold whose inputs are fitted. */
    public static FittedFold fitModel(MarketData data, Pipeline pipeline, FittedFold inputs) {
        return fitModel(data, pipeline, inputs, null);
    }

    /**
     * Fits the model on a fold whose inputs are fitted. A model that {@linkplain
     * dev.foresight.model.Model#warmStarts() warm-starts} is given {@code previous} (null: the
     * first fold, or no earlier fold fitted); {@code previous} must come from an earlier fold whose
     * training data ended no later than this fold's, and is kept in the returned fold so that a
     * refit (the future-perturbation check) starts from the same one. A model that does not
     * warm-start is always fit fresh and {@code previous} is ignored.
     */
    public static FittedFold fitModel(MarketData data, Pipeline pipeline, FittedFold inputs, PreviousFit previous) {
        return fitModel(data, pipeline, inputs, previous, FitProgress.NONE);
    }

    /**
     * {@link #fitModel(MarketData, Pipeline, FittedFold, PreviousFit)}, the model reporting its
     * epochs to {@code progress}: the engine binds it to the task and fold; the leakage checks'
     * refits pass {@link FitProgress#NONE}.
     */
    public static FittedFold fitModel(MarketData data, Pipeline pipeline, FittedFold inputs, PreviousFit previous,
                                      FitProgress progress) {
        Objects.requireNonNull(progress, "progress (use FitProgress.NONE)");
        Fold fold = inputs.fold();
        if (!pipeline.model().warmStarts()) {
            previous = null;
        } else if (previous != null && (previous.fold().index() >= fold.index()
                || previous.fold().lastTrainingBar() > fold.lastTrainingBar())) {
            throw new IllegalArgumentException("fold " + fold.index() + " (training data up to bar "
                    + fold.lastTrainingBar() + ") cannot start from the fit of fold " + previous.fold().index()
                    + " (training data up to bar " + previous.fold().lastTrainingBar() + "): only an earlier fold's");
        }
        long t0 = System.nanoTime();
        FittedModel fitted;
        try {
            // previous is null here for a model that does not warm-start (see above)
            fitted = pipeline.model().fit(inputs.fitData(), inputs.validationData(),
                    new FitContext(pipeline.seed(), previous, progress));
        } catch (LookAheadException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FoldFailure(where(data, fold) + ": fit failed: " + message(e), e);
        }
        return new FittedFold(fold, inputs.featureSets(), inputs.raw(), inputs.labels(), inputs.scaler(),
                inputs.scaled(), inputs.fitRows(), inputs.validationRows(), inputs.rowsDroppedForWarmUp(), fitted,
                System.nanoTime() - t0, inputs.detectors(), inputs.regimeLabels(), previous, inputs.planned());
    }

    /**
     * Forecasts the test rows and turns them into positions and per-bar outcomes.
     *
     * @throws FoldFailure for a model that cannot forecast or forecasts a non-finite value
     */
    public static FoldOutcome predict(MarketData data, Pipeline pipeline, FittedFold fitted) {
        Fold fold = fitted.fold();
        String where = where(data, fold);
        int[] testRows = fold.testRows();
        for (int t : testRows) {
            if (!complete(fitted.raw(), t, pipeline.model().window())) {
                throw new FoldFailure(where + ": features at test bar " + data.date(t) + " are incomplete (a causal "
                        + "feature has a value at every bar after its warm-up; a gap at the end of the history "
                        + "suggests it reads later bars)");
            }
        }
        long t0 = System.nanoTime();
        Forecast[] forecasts = forecast(fitted.model(),
                fitted.predictData().forForecasting("model " + pipeline.modelName() + ", fold " + fold.index()), where);
        long predictNanos = System.nanoTime() - t0;
        if (forecasts.length != testRows.length) {
            throw new IllegalStateException("model returned " + forecasts.length + " forecasts for " + testRows.length + " rows");
        }

        double[] labels = fitted.labels();
        double[] sizingVariances = sizingVariances(data, pipeline, fitted);
        SeriesView prices = data.upTo(fold.testEnd()).primary();
        PriceSeries primary = data.primary();
        List<BarOutcome> bars = new ArrayList<>(testRows.length);
        OptionalDouble fixed = pipeline.model().fixedPosition();
        double previous = 0;
        for (int i = 0; i < testRows.length; i++) {
            int t = testRows[i];
            Forecast f = forecasts[i];
            if (!Double.isFinite(f.point())) {
                throw new FoldFailure(where + ": the model forecast " + f.point() + " at " + data.date(t));
            }
            double forecastMove = pipeline.target().move(f.point(), prices, t);
            double actualMove = pipeline.target().move(labels[t], prices, t);
            double position = 0;
            if (pipeline.strategy().isPresent()) {
                Strategy strategy = pipeline.strategy().get();
                double barVariance = sizingVariances != null ? sizingVariances[i] : pipeline.target().barVariance(f);
                position = fixed.isPresent() ? fixed.getAsDouble()
                        : strategy.position(new StrategyInput(t, f, forecastMove, previous, barVariance));
                if (!(Math.abs(position) <= strategy.maxLeverage())) {
                    throw new IllegalStateException("strategy returned position " + position + " outside ±"
                            + strategy.maxLeverage() + " at bar " + t);
                }
            }
            double assetReturn = primary.price(t + 1) / primary.price(t) - 1;
            Map<String, String> regimeAtT = new LinkedHashMap<>();
            fitted.regimeLabels().forEach((name, values) -> {
                if (values[t] != null) {
                    regimeAtT.put(name, values[t]);
                }
            });
            bars.add(new BarOutcome(t, data.date(t), labels[t], f.point(), f.probabilityUp(), f.variance(), actualMove,
                    forecastMove, position, assetReturn, position * assetReturn, regimeAtT));
            previous = position;
        }
        return new FoldOutcome(fold, bars, fitted.raw().names(), fitted.scaler(), fitted.fitRows().length,
                fitted.validationRows().length, fitted.rowsDroppedForWarmUp(), fitted.model().diagnostics(),
                fitted.fitNanos(), predictNanos, fitted.model());
    }

    /**
     * The variances a strategy sized by another model's volatility uses at the test rows, from that
     * model fit on the same planned fold of the same data; null when the strategy uses this model's
     * own forecasts (it names none, or names this model).
     */
    private static double[] sizingVariances(MarketData data, Pipeline pipeline, FittedFold fitted) {
        Optional<String> named = pipeline.strategy().flatMap(Strategy::volatilityModel);
        if (named.isEmpty() || named.get().equals(pipeline.modelName()) || pipeline.model().fixedPosition().isPresent()) {
            return null;
        }
        SizingVolatility source = pipeline.volatility().filter(v -> v.name().equals(named.get()))
                .orElseThrow(() -> new IllegalStateException("the strategy is sized by volatility model '" + named.get()
                        + "', but the pipeline of model " + pipeline.modelName() + " was built without it"));
        return source.barVariances(data, fitted.planned());
    }

    /** Forecasts with failures turned into {@link FoldFailure}s naming the fold; look-ahead propagates. */
    public static Forecast[] forecast(FittedModel model, dev.foresight.model.ModelData data, String where) {
        try {
            return model.predict(data);
        } catch (LookAheadException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FoldFailure(where + ": forecast failed: " + message(e), e);
        }
    }

    /** Fits every feature set on the training window. */
    public static List<FittedFold.FittedFeatureSet> fitFeatures(List<NamedFeatureSet> sets, MarketView train) {
        List<FittedFold.FittedFeatureSet> out = new ArrayList<>();
        for (NamedFeatureSet set : sets) {
            FittedFeatures fitted = set.featureSet().fit(train);
            out.add(new FittedFold.FittedFeatureSet(set.name(), fitted, fitted.columns()));
        }
        return out;
    }

    /** The fitted feature sets' rows for {@code view}, side by side. */
    public static FeatureMatrix compute(List<FittedFold.FittedFeatureSet> sets, MarketView view) {
        FeatureMatrix all = FeatureMatrix.empty(view.size());
        for (FittedFold.FittedFeatureSet set : sets) {
            all = all.concat(compute(set, view));
        }
        return all;
    }

    /** One fitted feature set's rows for {@code view}, checked for shape. */
    public static FeatureMatrix compute(FittedFold.FittedFeatureSet set, MarketView view) {
        FeatureMatrix m = set.fitted().compute(view);
        if (m.rows() != view.size()) {
            throw new IllegalStateException("feature set " + set.name() + " computed " + m.rows() + " rows for "
                    + view.size() + " bars");
        }
        return m;
    }

    /**
     * Labels from every configured detector for bars {@code 0..view.last()}, in configuration order.
     * A synthetic series' true regime appears only when the batch asks for it (the {@code truth} detector).
     */
    public static Map<String, String[]> regimeLabels(Map<String, FittedRegimeDetector> detectors, MarketView view) {
        Map<String, String[]> out = new LinkedHashMap<>();
        detectors.forEach((name, d) -> out.put(name, label(name, d, view)));
        return out;
    }

    /** One detector's labels for {@code view}, checked for shape. */
    public static String[] label(String name, FittedRegimeDetector detector, MarketView view) {
        String[] labels = detector.label(view);
        if (labels.length != view.size()) {
            throw new IllegalStateException("regime detector " + name + " labelled " + labels.length + " of "
                    + view.size() + " bars");
        }
        return labels;
    }

    static String where(MarketData data, Fold fold) {
        return "fold " + fold.index() + " (test " + data.date(fold.testStart()) + ".." + data.date(fold.testEnd()) + ")";
    }

    /** Rows whose label is known and whose feature window is complete. */
    private static int[] usable(int[] rows, FeatureMatrix features, double[] labels, int window) {
        return Arrays.stream(rows).filter(t -> Double.isFinite(labels[t]) && complete(features, t, window)).toArray();
    }

    static boolean complete(FeatureMatrix features, int t, int window) {
        if (t - window + 1 < 0) {
            return false;
        }
        for (int s = t - window + 1; s <= t; s++) {
            if (!features.complete(s)) {
                return false;
            }
        }
        return true;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
