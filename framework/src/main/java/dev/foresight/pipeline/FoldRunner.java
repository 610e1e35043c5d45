package dev.foresight.pipeline;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.SeriesView;
import dev.foresight.error.UserError;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.UnsupportedDataException;
import dev.foresight.scaling.Scaler;
import dev.foresight.strategy.StrategyInput;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs one fold of a {@link Pipeline}, keeping every stage inside what it may see:
 * feature sets and regime detectors are fit on the training window ({@code 0..trainEnd}); the
 * scaler on complete training rows; the model on the fitting rows with labels known at
 * {@code trainEnd + horizon}; forecasts see features up to the test bar and only labels known by
 * then. Look-ahead through the data views throws; what cannot be prevented is checked by the
 * leakage checks.
 */
public final class FoldRunner {

    private FoldRunner() {
    }

    /**
     * @throws FoldFailure for a model that cannot fit or forecast (the batch records it and goes on)
     * @throws UserError   for a configuration the data cannot support
     */
    public static FoldOutcome run(MarketData data, Pipeline pipeline, Fold fold) {
        int h = pipeline.target().horizon();
        if (fold.horizon() != h) {
            throw new IllegalArgumentException("fold planned for horizon " + fold.horizon() + ", target has " + h);
        }
        String where = "fold " + fold.index() + " (test " + data.date(fold.testStart()) + ".." + data.date(fold.testEnd()) + ")";
        MarketView train = data.upTo(fold.trainEnd());
        MarketView test = data.upTo(fold.testEnd());

        FeatureMatrix raw = features(pipeline.features(), train, test);
        double[] labels = pipeline.target().labels(data.upTo(Math.min(data.size() - 1, fold.testEnd() + h)).primary());

        int window = pipeline.model().window();
        int[] fitRows = usable(fold.fitRows(), raw, labels, window);
        int[] validationRows = usable(fold.validationRows(), raw, labels, window);
        int dropped = fold.fitRows().length + fold.validationRows().length - fitRows.length - validationRows.length;
        if (fitRows.length < 2) {
            throw new FoldFailure(where + ": only " + fitRows.length + " training rows have complete features"
                    + " (warm-up and window " + window + " leave too little): use a longer training window");
        }
        for (int t : fold.testRows()) {
            if (!complete(raw, t, window)) {
                throw new FoldFailure(where + ": features at test bar " + data.date(t) + " are incomplete");
            }
        }

        int[] scalerRows = concat(fitRows, validationRows);
        Scaler scaler = Scaler.fit(pipeline.scaling(), raw, scalerRows);
        FeatureMatrix scaled = scaler.apply(raw);

        int lastKnownInTraining = fold.lastTrainingBar();
        ModelData fitData = ModelData.of(scaled, labels, h, lastKnownInTraining, fitRows);
        ModelData validationData = ModelData.of(scaled, labels, h, lastKnownInTraining, validationRows);
        long t0 = System.nanoTime();
        FittedModel fitted;
        try {
            fitted = pipeline.model().fit(fitData, validationData, pipeline.seed());
        } catch (LookAheadException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FoldFailure(where + ": fit failed: " + message(e), e);
        }
        long fitNanos = System.nanoTime() - t0;

        int[] testRows = fold.testRows();
        ModelData predictData = ModelData.of(scaled, labels, h, fold.testEnd(), testRows);
        t0 = System.nanoTime();
        Forecast[] forecasts;
        try {
            forecasts = fitted.predict(predictData);
        } catch (LookAheadException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FoldFailure(where + ": forecast failed: " + message(e), e);
        }
        long predictNanos = System.nanoTime() - t0;
        if (forecasts.length != testRows.length) {
            throw new IllegalStateException("model returned " + forecasts.length + " forecasts for " + testRows.length + " rows");
        }

        Map<String, String[]> regimeLabels = regimes(pipeline, train, test);
        SeriesView prices = test.primary();
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
                position = fixed.isPresent() ? fixed.getAsDouble()
                        : pipeline.strategy().get().position(new StrategyInput(t, f, forecastMove, previous));
                if (!(position >= -1 && position <= 1)) {
                    throw new IllegalStateException("strategy returned position " + position + " outside [-1, 1] at bar " + t);
                }
            }
            double assetReturn = primary.price(t + 1) / primary.price(t) - 1;
            Map<String, String> regimeAtT = new LinkedHashMap<>();
            regimeLabels.forEach((name, values) -> {
                if (values[t] != null) {
                    regimeAtT.put(name, values[t]);
                }
            });
            bars.add(new BarOutcome(t, data.date(t), labels[t], f.point(), f.probabilityUp(), f.variance(), actualMove,
                    forecastMove, position, assetReturn, position * assetReturn, regimeAtT));
            previous = position;
        }
        return new FoldOutcome(fold, bars, raw.names(), scaler, fitRows.length, validationRows.length, dropped,
                fitted.diagnostics(), fitNanos, predictNanos);
    }

    /** Fits every feature set on the training window and computes its rows up to the last test bar. */
    static FeatureMatrix features(List<FeatureSet> sets, MarketView train, MarketView test) {
        FeatureMatrix all = FeatureMatrix.empty(test.size());
        for (FeatureSet set : sets) {
            FeatureMatrix m = set.fit(train).compute(test);
            if (m.rows() != test.size()) {
                throw new IllegalStateException(set.getClass().getSimpleName() + " computed " + m.rows() + " rows for "
                        + test.size() + " bars");
            }
            all = all.concat(m);
        }
        return all;
    }

    /**
     * Labels from every configured detector, in configuration order. A synthetic series' true
     * regime appears only when the batch asks for it with the {@code truth} detector.
     */
    private static Map<String, String[]> regimes(Pipeline pipeline, MarketView train, MarketView test) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (NamedRegimeDetector d : pipeline.regimes()) {
            FittedRegimeDetector fitted;
            try {
                fitted = d.detector().fit(train);
            } catch (UnsupportedDataException e) {
                throw new UserError(d.location(), e.getMessage());
            }
            String[] labels = fitted.label(test);
            if (labels.length != test.size()) {
                throw new IllegalStateException("regime detector " + d.name() + " labelled " + labels.length + " of "
                        + test.size() + " bars");
            }
            out.put(d.name(), labels);
        }
        return out;
    }

    /** Rows whose label is known and whose feature window is complete. */
    private static int[] usable(int[] rows, FeatureMatrix features, double[] labels, int window) {
        return java.util.Arrays.stream(rows)
                .filter(t -> Double.isFinite(labels[t]) && complete(features, t, window))
                .toArray();
    }

    private static boolean complete(FeatureMatrix features, int t, int window) {
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
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
