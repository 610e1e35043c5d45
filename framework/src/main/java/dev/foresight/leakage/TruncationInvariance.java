package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.Forecast;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Check 2, truncation invariance: at sampled test bars {@code t}, every feature column, regime
 * label, scaled input and forecast computed on history cut at {@code t} must equal, bit for bit,
 * what the full run computed for {@code t}. A failure names the plugin, the column, the first
 * offending bar and the two values.
 *
 * <p>The truncated forecasts are made by {@link #probe} <em>before</em> the fold's full forecast,
 * so a model that hides test labels in static state during the full forecast cannot replay them here.
 */
public final class TruncationInvariance {

    private TruncationInvariance() {
    }

    /**
     * Deterministic sample of {@code count} test bars of the fold: always the first test bar (its
     * history cut hides the most future), the rest drawn with {@code seed}; ascending.
     */
    public static int[] sample(FittedFold fitted, int count, long seed) {
        int[] rows = fitted.fold().testRows();
        if (count <= 0) {
            return new int[0];
        }
        if (count >= rows.length) {
            return rows;
        }
        SplittableRandom random = new SplittableRandom(seed);
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>(List.of(rows[0]));
        while (picked.size() < count) {
            picked.add(rows[random.nextInt(rows.length)]);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Recomputes features, regime labels and scaled inputs at each bar on history cut at that bar,
     * comparing them at once, and makes the truncated forecasts (compared later by
     * {@link Probe#compare}). Call before the fold's full forecast.
     */
    public static Probe probe(MarketData data, Pipeline pipeline, FittedFold fitted, int[] bars) {
        List<CheckOutcome> failures = new ArrayList<>();
        Map<Integer, Forecast> forecasts = new LinkedHashMap<>();
        Map<String, Boolean> blamed = new LinkedHashMap<>();
        for (int t : bars) {
            MarketView cut = data.upTo(t);
            FeatureMatrix truncated = features(fitted, cut, t, failures, blamed);
            regimes(fitted, cut, t, failures, blamed);
            if (truncated == null) {
                continue;
            }
            FeatureMatrix scaled = fitted.scaler().apply(truncated);
            compareRow("scaler", "scaled input", fitted.scaled(), 0, scaled, t, cut.date(t).toString(), failures, blamed);
            if (fitted.model() != null && !blamed.containsKey(pipeline.modelName())) {
                try {
                    Forecast[] f = fitted.model().predict(fitted.predictDataAt(scaled, t));
                    forecasts.put(t, f[0]);
                } catch (LookAheadException e) {
                    blamed.put(pipeline.modelName(), true);
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                            "forecasting bar " + t + " (" + data.date(t) + ") with history cut there, the model read "
                                    + "data not yet known: " + e.getMessage()));
                } catch (RuntimeException e) {
                    blamed.put(pipeline.modelName(), true);
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                            "forecasting bar " + t + " (" + data.date(t) + ") with history cut there failed ("
                                    + e + ") although the full forecast did not"));
                }
            }
        }
        return new Probe(data, pipeline.modelName(), fitted.fold().testStart(), bars, failures, forecasts);
    }

    /** What {@link #probe} found, and the truncated forecasts awaiting the full ones. */
    public static final class Probe {
        private final MarketData data;
        private final String model;
        private final int firstTestBar;
        private final int[] bars;
        private final List<CheckOutcome> failures;
        private final Map<Integer, Forecast> forecasts;

        private Probe(MarketData data, String model, int firstTestBar, int[] bars, List<CheckOutcome> failures,
                      Map<Integer, Forecast> forecasts) {
            this.data = data;
            this.model = model;
            this.firstTestBar = firstTestBar;
            this.bars = bars;
            this.failures = failures;
            this.forecasts = forecasts;
        }

        /** Differences in features, regime labels and scaled inputs, known before the full forecast. */
        public List<CheckOutcome> inputFailures() {
            return List.copyOf(failures);
        }

        /**
         * The forecast comparison once the fold's full forecasts are known ({@code full[i]} is the
         * forecast of test bar {@code firstTestBar + i}), and a pass when nothing at all differed.
         */
        public List<CheckOutcome> forecastOutcomes(Forecast[] full) {
            List<CheckOutcome> out = new ArrayList<>();
            for (Map.Entry<Integer, Forecast> e : forecasts.entrySet()) {
                int t = e.getKey();
                Forecast a = full[t - firstTestBar];
                Forecast b = e.getValue();
                String what = !Values.same(a.point(), b.point()) ? "point " + Values.show(a.point()) + " vs "
                        + Values.show(b.point())
                        : !Values.same(a.probabilityUp(), b.probabilityUp()) ? "P(up) " + Values.show(a.probabilityUp())
                        + " vs " + Values.show(b.probabilityUp())
                        : !Values.same(a.variance(), b.variance()) ? "variance " + Values.show(a.variance()) + " vs "
                        + Values.show(b.variance()) : null;
                if (what != null) {
                    out.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + model, "forecast at bar " + t
                            + " (" + data.date(t) + "): full history "
                            + what.replaceFirst(" vs ", ", history cut at the bar ")));
                    break;
                }
            }
            if (out.isEmpty() && failures.isEmpty()) {
                out.add(CheckOutcome.passed(CheckOutcome.TRUNCATION, bars.length + " bars " + Arrays.toString(bars)
                        + ": features, regime labels, scaled inputs and forecasts identical with history cut at each"));
            }
            return out;
        }

        /** Inputs and forecasts together, for callers that have the full forecasts already. */
        public List<CheckOutcome> compare(Forecast[] full) {
            List<CheckOutcome> out = new ArrayList<>(inputFailures());
            out.addAll(forecastOutcomes(full));
            return out;
        }
    }

    private static FeatureMatrix features(FittedFold fitted, MarketView cut, int t, List<CheckOutcome> failures,
                                          Map<String, Boolean> blamed) {
        FeatureMatrix all = FeatureMatrix.empty(cut.size());
        int offset = 0;
        boolean complete = true;
        for (FittedFold.FittedFeatureSet set : fitted.featureSets()) {
            String plugin = "feature set " + set.name();
            FeatureMatrix m;
            try {
                m = FoldRunner.compute(set, cut);
            } catch (LookAheadException e) {
                if (blamed.put(plugin, true) == null) {
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, "computing bar " + t + " ("
                            + cut.date(t) + ") with history cut there, it read data not yet known: " + e.getMessage()));
                }
                complete = false;
                offset += set.columns().size();
                continue;
            }
            if (!blamed.containsKey(plugin)) {
                compareRow(plugin, null, fitted.raw(), offset, m, t, cut.date(t).toString(), failures, blamed);
            }
            all = all.concat(m);
            offset += m.width();
        }
        return complete ? all : null;
    }

    private static void regimes(FittedFold fitted, MarketView cut, int t, List<CheckOutcome> failures,
                                Map<String, Boolean> blamed) {
        fitted.detectors().forEach((name, detector) -> {
            String plugin = "regime detector " + name;
            if (blamed.containsKey(plugin)) {
                return;
            }
            String full = fitted.regimeLabels().get(name)[t];
            String truncated;
            try {
                truncated = FoldRunner.label(name, detector, cut)[t];
            } catch (LookAheadException e) {
                blamed.put(plugin, true);
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, "labelling bar " + t + " (" + cut.date(t)
                        + ") with history cut there, it read data not yet known: " + e.getMessage()));
                return;
            }
            if (!Values.same(full, truncated)) {
                blamed.put(plugin, true);
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, "label at bar " + t + " (" + cut.date(t)
                        + "): full history '" + full + "', history cut at the bar '" + truncated + "'"));
            }
        });
    }

    private static void compareRow(String plugin, String what, FeatureMatrix full, int offset, FeatureMatrix truncated,
                                   int t, String date, List<CheckOutcome> failures, Map<String, Boolean> blamed) {
        if (blamed.containsKey(plugin)) {
            return;
        }
        for (int c = 0; c < truncated.width(); c++) {
            double a = full.get(t, offset + c);
            double b = truncated.get(t, c);
            if (!Values.same(a, b)) {
                blamed.put(plugin, true);
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, (what == null ? "" : what + " ")
                        + "column '" + truncated.names().get(c) + "' at bar " + t + " (" + date + "): full history "
                        + Values.show(a) + ", history cut at the bar " + Values.show(b)));
                return;
            }
        }
    }
}
