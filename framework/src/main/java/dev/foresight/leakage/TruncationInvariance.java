package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.Forecast;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Check 2, truncation invariance: every feature column and regime label at <em>every</em> test bar
 * {@code t}, recomputed on history cut at {@code t} by plugins created afresh (their own class
 * loader, fitted again on the training window), must equal, bit for bit, what the task computed
 * for {@code t}; and at the fold's model bars ({@link #modelBars}: every test bar up to a budget,
 * then a stratified sample that always includes the first and the last) so must the scaled input
 * and the forecast. A failure names the plugin, the column, the first offending bar and the two
 * values.
 *
 * <p>The truncated forecasts are made by {@link #probe} <em>before</em> the fold's full forecast,
 * so a model that hides test labels in static state during the full forecast cannot replay them here.
 */
public final class TruncationInvariance {

    private TruncationInvariance() {
    }

    /**
     * The test bars of {@code fold} whose forecasts are recomputed: all of them when there are at
     * most {@code budget}; otherwise the first, the last, and one bar drawn from each of
     * {@code budget - 2} equal strata of the bars between (drawn with a seed derived from the fold's
     * bars alone, so {@code foresight check} and {@code foresight run} examine the same bars).
     * Ascending.
     */
    public static int[] modelBars(Fold fold, int budget) {
        int[] rows = fold.testRows();
        if (budget <= 0 || rows.length == 0) {
            return new int[0];
        }
        if (budget >= rows.length) {
            return rows;
        }
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>(List.of(rows[0], rows[rows.length - 1]));
        int inner = rows.length - 2;
        int strata = Math.max(0, budget - 2);
        SplittableRandom random = new SplittableRandom(0x5EEDL * 31 + rows[0] * 1_000_003L + rows.length);
        for (int k = 0; k < strata; k++) {
            int from = 1 + (int) ((long) k * inner / strata);
            int to = 1 + (int) ((long) (k + 1) * inner / strata);
            if (to > from) {
                picked.add(rows[from + random.nextInt(to - from)]);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Recomputes features and regime labels at every test bar on history cut at that bar, with the
     * plugins of {@code fresh} (created afresh, fitted here on the fold's training window), and the
     * scaled inputs at {@code modelBars}, comparing them at once; and makes the truncated forecasts
     * at {@code modelBars} (compared later by {@link Probe#forecastOutcomes}). Call before the
     * fold's full forecast.
     *
     * @param fresh the task's pipeline with plugins from their own class loader; or the task's own
     */
    public static Probe probe(MarketData data, Pipeline pipeline, Pipeline fresh, FittedFold fitted, int[] modelBars) {
        return probe(data, pipeline, fresh, fitted, modelBars, name -> true, true);
    }

    /**
     * The same, recomputing only the feature sets {@code recompute} accepts (by name) and the regime
     * labels only when {@code regimes}: those another task of the fold already checked are skipped
     * (see {@link SharedInputs}); the rest still feed the scaled inputs and forecasts.
     */
    static Probe probe(MarketData data, Pipeline pipeline, Pipeline fresh, FittedFold fitted, int[] modelBars,
                       java.util.function.Predicate<String> recompute, boolean regimes) {
        List<CheckOutcome> failures = new ArrayList<>();
        Map<Integer, Forecast> forecasts = new LinkedHashMap<>();
        Map<String, Boolean> blamed = new LinkedHashMap<>();
        FittedFold recomputing = refitInputs(data, pipeline, fresh, fitted, failures, blamed);
        java.util.Set<Integer> forecastAt = new java.util.HashSet<>();
        for (int t : modelBars) {
            forecastAt.add(t);
        }
        String context = "model " + pipeline.modelName() + ", fold " + fitted.fold().index();
        for (int t : fitted.fold().testRows()) {
            MarketView cut = data.upTo(t);
            boolean forecast = forecastAt.contains(t);
            features(recomputing, fitted, cut, t, failures, blamed, recompute);
            if (regimes) {
                regimes(recomputing, fitted, cut, t, failures, blamed);
            }
            if (!forecast || blamed.keySet().stream().anyMatch(k -> k.startsWith("feature set "))) {
                continue;
            }
            // The inputs at bars 0..t are those the every-bar check just found truncation-invariant
            // (for the experiment's sets in this or another task of the fold), so the model is given
            // them cut at t: what is tested here is the model alone — labels, later rows, state.
            FeatureMatrix scaled = fitted.scaled().head(t + 1);
            if (fitted.model() != null && !blamed.containsKey("model " + pipeline.modelName())) {
                try {
                    Forecast[] f = fitted.model().predict(fitted.predictDataAt(scaled, t).forForecasting(context));
                    forecasts.put(t, f[0]);
                } catch (LookAheadException e) {
                    blamed.put("model " + pipeline.modelName(), true);
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                            "forecasting bar " + t + " (" + data.date(t) + ") with history cut there, the model read "
                                    + "data not yet known: " + e.getMessage()));
                } catch (RuntimeException e) {
                    blamed.put("model " + pipeline.modelName(), true);
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                            "forecasting bar " + t + " (" + data.date(t) + ") with history cut there failed ("
                                    + e + ") although the full forecast did not"));
                }
            }
        }
        return new Probe(data, pipeline.modelName(), fitted.fold().testStart(), fitted.fold().testRows().length,
                modelBars, failures, forecasts, fitted.featureSets().size(), fitted.detectors().size());
    }

    /**
     * The fold's feature sets and regime detectors fitted again, from {@code fresh}'s plugin
     * instances, on the training window; {@code fitted} itself when {@code fresh} is the task's own
     * pipeline. A set that does not fit the same columns is a failure.
     */
    private static FittedFold refitInputs(MarketData data, Pipeline pipeline, Pipeline fresh, FittedFold fitted,
                                          List<CheckOutcome> failures, Map<String, Boolean> blamed) {
        if (fresh == pipeline) {
            return fitted;
        }
        MarketView train = data.upTo(fitted.fold().trainEnd());
        List<FittedFold.FittedFeatureSet> sets = new ArrayList<>();
        for (int i = 0; i < fresh.features().size(); i++) {
            var named = fresh.features().get(i);
            FittedFold.FittedFeatureSet original = fitted.featureSets().get(i);
            try {
                var f = named.featureSet().fit(train);
                sets.add(new FittedFold.FittedFeatureSet(named.name(), f, f.columns()));
            } catch (RuntimeException e) {
                blamed.put("feature set " + named.name(), true);
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "feature set " + named.name(),
                        "fitting it again on the same training window with its classes loaded afresh failed (" + e
                                + ") although the task's fit did not: it depends on state left by an earlier computation"));
                sets.add(original);
            }
        }
        Map<String, dev.foresight.regime.FittedRegimeDetector> detectors = new LinkedHashMap<>();
        for (var d : fresh.regimes()) {
            try {
                detectors.put(d.name(), d.detector().fit(train));
            } catch (RuntimeException e) {
                detectors.put(d.name(), fitted.detectors().get(d.name()));
            }
        }
        return new FittedFold(fitted.fold(), sets, fitted.raw(), fitted.labels(), fitted.scaler(), fitted.scaled(),
                fitted.fitRows(), fitted.validationRows(), fitted.rowsDroppedForWarmUp(), null, 0, detectors,
                fitted.regimeLabels(), null);
    }

    /** What {@link #probe} found, and the truncated forecasts awaiting the full ones. */
    public static final class Probe {
        private final MarketData data;
        private final String model;
        private final int firstTestBar;
        private final int testBars;
        private final int featureSets;
        private final int detectors;
        private final int[] bars;
        private final List<CheckOutcome> failures;
        private final Map<Integer, Forecast> forecasts;

        private Probe(MarketData data, String model, int firstTestBar, int testBars, int[] bars,
                      List<CheckOutcome> failures, Map<Integer, Forecast> forecasts, int featureSets, int detectors) {
            this.data = data;
            this.model = model;
            this.firstTestBar = firstTestBar;
            this.testBars = testBars;
            this.featureSets = featureSets;
            this.detectors = detectors;
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
                out.add(CheckOutcome.passed(CheckOutcome.TRUNCATION, evidence()));
            }
            return out;
        }

        /** What was checked, for a pass: how many bars of each kind. */
        public String evidence() {
            String forecastsChecked = forecasts.isEmpty() ? "" : "; forecasts (inputs and labels cut at the bar) on "
                    + (bars.length == testBars ? "every one" : bars.length + " of them (the first, the last and one"
                    + " from each of " + (bars.length - 2) + " strata)");
            return "all " + testBars + " test bars: " + featureSets + " feature set(s) and " + detectors
                    + " regime detector(s) recomputed with history cut at each bar by plugins loaded afresh (once per"
                    + " fold and experiment; every model's task has the same inputs bit for bit), identical"
                    + forecastsChecked + ", identical";
        }

        /** Test bars whose forecasts were recomputed. */
        public int forecastBars() {
            return forecasts.size();
        }

        /** Inputs and forecasts together, for callers that have the full forecasts already. */
        public List<CheckOutcome> compare(Forecast[] full) {
            List<CheckOutcome> out = new ArrayList<>(inputFailures());
            out.addAll(forecastOutcomes(full));
            return out;
        }
    }

    private static void features(FittedFold recomputing, FittedFold fitted, MarketView cut, int t,
                                 List<CheckOutcome> failures, Map<String, Boolean> blamed,
                                 java.util.function.Predicate<String> recompute) {
        int offset = 0;
        for (FittedFold.FittedFeatureSet set : recomputing.featureSets()) {
            String plugin = "feature set " + set.name();
            if (blamed.containsKey(plugin) || !recompute.test(set.name())) {
                offset += set.columns().size();
                continue;
            }
            FeatureMatrix m;
            try {
                m = FoldRunner.compute(set, cut);
            } catch (LookAheadException e) {
                if (blamed.put(plugin, true) == null) {
                    failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, "computing bar " + t + " ("
                            + cut.date(t) + ") with history cut there, it read data not yet known: " + e.getMessage()));
                }
                offset += set.columns().size();
                continue;
            }
            // only row t is compared (the other rows were computed with history cut later or not at all)
            compareRow(plugin, fitted.raw(), offset, m, t, cut, failures, blamed);
            offset += m.width();
        }
    }

    private static void regimes(FittedFold recomputing, FittedFold fitted, MarketView cut, int t,
                                List<CheckOutcome> failures, Map<String, Boolean> blamed) {
        recomputing.detectors().forEach((name, detector) -> {
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

    private static void compareRow(String plugin, FeatureMatrix full, int offset, FeatureMatrix truncated,
                                   int t, MarketView cut, List<CheckOutcome> failures, Map<String, Boolean> blamed) {
        if (blamed.containsKey(plugin)) {
            return;
        }
        for (int c = 0; c < truncated.width(); c++) {
            double a = full.get(t, offset + c);
            double b = truncated.get(t, c);
            if (!Values.same(a, b)) {
                blamed.put(plugin, true);
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, plugin, "column '"
                        + truncated.names().get(c) + "' at bar " + t + " (" + cut.date(t) + "): full history "
                        + Values.show(a) + ", history cut at the bar " + Values.show(b)));
                return;
            }
        }
    }
}
