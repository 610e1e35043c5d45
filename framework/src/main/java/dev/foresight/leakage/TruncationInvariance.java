package dev.foresight.leakage;

import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.model.Forecast;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

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
        TreeSet<Integer> picked = new TreeSet<>(List.of(rows[0], rows[rows.length - 1]));
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
     * plugins of {@code fresh} (created afresh, fitted here on the fold's training window), comparing
     * them at once; and makes the truncated forecasts at {@code modelBars} (compared later by
     * {@link Probe#forecastOutcomes}). Call before the fold's full forecast.
     *
     * @param fresh the task's pipeline with plugins from their own class loader; or the task's own
     */
    public static Probe probe(MarketData data, Pipeline pipeline, Pipeline fresh, FittedFold fitted, int[] modelBars) {
        InputCheck inputs = new InputCheck(data, new InputCheck.Basis(pipeline.modelName(), fitted), 0,
                fitted.featureSets().size(), true);
        inputs.participate(pipeline, fresh, fitted);
        return probe(data, pipeline, fresh, fitted, modelBars, inputs.await(), fitted.featureSets().size());
    }

    /**
     * The same, given the outcome of the every-bar check of the first {@code shared} feature sets
     * and the regime detectors ({@code sharedInputs}, made by {@link InputCheck} once per fold for
     * all its tasks): the remaining sets (the model's own) are checked on every test bar here, and
     * the forecasts are made at {@code modelBars} before the first bar where any feature set failed
     * (the model is tested on inputs known to be truncation-invariant, so what is tested is the
     * model alone — labels, later rows, state).
     */
    static Probe probe(MarketData data, Pipeline pipeline, Pipeline fresh, FittedFold fitted, int[] modelBars,
                       InputCheck.Result sharedInputs, int shared) {
        List<CheckOutcome> failures = new ArrayList<>(sharedInputs.failures());
        int stop = sharedInputs.firstFeatureFailure();
        if (shared < fitted.featureSets().size()) {
            InputCheck own = new InputCheck(data, new InputCheck.Basis(pipeline.modelName(), fitted), shared,
                    fitted.featureSets().size(), false);
            own.participate(pipeline, fresh, fitted);
            InputCheck.Result r = own.await();
            failures.addAll(r.failures());
            stop = Math.min(stop, r.firstFeatureFailure());
        }
        Map<Integer, Forecast> forecasts = new LinkedHashMap<>();
        String context = "model " + pipeline.modelName() + ", fold " + fitted.fold().index();
        for (int t : modelBars) {
            if (t >= stop || fitted.model() == null) {
                break;
            }
            FeatureMatrix scaled = fitted.scaled().head(t + 1);
            try {
                Forecast[] f = fitted.model().predict(fitted.predictDataAt(scaled, t).forForecasting(context));
                forecasts.put(t, f[0]);
            } catch (LookAheadException e) {
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                        "forecasting bar " + t + " (" + data.date(t) + ") with history cut there, the model read "
                                + "data not yet known: " + e.getMessage()));
                break;
            } catch (RuntimeException e) {
                failures.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "model " + pipeline.modelName(),
                        "forecasting bar " + t + " (" + data.date(t) + ") with history cut there failed ("
                                + e + ") although the full forecast did not"));
                break;
            }
        }
        return new Probe(data, pipeline.modelName(), fitted.fold().testStart(), fitted.fold().testRows().length,
                modelBars, failures, forecasts, fitted.featureSets().size(), fitted.detectors().size());
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
}
