package dev.foresight.planted;

import dev.foresight.data.Column;
import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.plugin.SimpleProvider;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.RegimeDetector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleBiFunction;

/** The planted plugins: each provider is one leak (or one clean look-alike). */
public final class Planted {

    private Planted() {
    }

    // ---------- helpers ----------

    /** A one-column feature set from a function of (view, bar); warm-up {@code warmUp}. */
    static FeatureSet feature(String column, int warmUp, ToDoubleBiFunction<MarketView, Integer> f) {
        return train -> new FittedFeatures() {
            @Override
            public List<String> columns() {
                return List.of(column);
            }

            @Override
            public int warmUp() {
                return warmUp;
            }

            @Override
            public FeatureMatrix compute(MarketView view) {
                double[] x = new double[view.size()];
                for (int t = 0; t < x.length; t++) {
                    x[t] = t < warmUp ? Double.NaN : f.applyAsDouble(view, t);
                }
                return FeatureMatrix.of(List.of(column), new double[][] {x}, x.length);
            }
        };
    }

    /** Least squares of the label on the first feature (with intercept): an honest little model. */
    static double[] ols(ModelData train) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int t : train.rows()) {
            double x = train.feature(t, 0);
            double y = train.label(t);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        double b = (n * sxx - sx * sx) == 0 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - b * sx) / n, b};
    }

    // ---------- leaks ----------

    /** Cross-fold memory: every (feature row → label) it trains on goes into a static map, replayed on a match. */
    public static final class StaticMemory extends SimpleProvider<Model> {
        static final Map<Double, Double> MEMORY = new HashMap<>();

        public StaticMemory() {
            super(Model.class, "planted-static-memory", "planted: replays labels remembered across folds", List.of(),
                    p -> (train, validation, seed) -> {
                        synchronized (MEMORY) {
                            for (int t : train.rows()) {
                                MEMORY.put(train.feature(t, 0), train.label(t));
                            }
                        }
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> {
                            Double seen;
                            synchronized (MEMORY) {
                                seen = MEMORY.get(data.feature(t, 0));
                            }
                            return Forecast.point(seen != null ? seen : c[0] + c[1] * data.feature(t, 0));
                        }).toArray(Forecast[]::new);
                    });
        }
    }

    /**
     * Cross-fold memory kept where fresh classes cannot clear it: every (feature row → label) it
     * trains on goes into a system property, replayed on a match.
     */
    public static final class PropertyMemory extends SimpleProvider<Model> {
        public PropertyMemory() {
            super(Model.class, "planted-property-memory", "planted: replays labels remembered in system properties",
                    List.of(), p -> (train, validation, seed) -> {
                        for (int t : train.rows()) {
                            System.setProperty("planted.memory." + train.feature(t, 0), Double.toString(train.label(t)));
                        }
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> {
                            String seen = System.getProperty("planted.memory." + data.feature(t, 0));
                            return Forecast.point(seen != null ? Double.parseDouble(seen) : c[0] + c[1] * data.feature(t, 0));
                        }).toArray(Forecast[]::new);
                    });
        }
    }

    /** A centred moving average behind a static cache keyed by (symbol, date, close). */
    public static final class MemoisedCentred extends SimpleProvider<FeatureSet> {
        static final Map<String, Double> CACHE = new ConcurrentHashMap<>();

        public MemoisedCentred() {
            super(FeatureSet.class, "planted-memoised-centred", "planted: centred average behind a static cache",
                    List.of(), p -> feature("centred", 5, (v, t) -> {
                        String key = v.primary().symbol() + v.date(t) + v.primary().close(t);
                        return CACHE.computeIfAbsent(key, k -> {
                            int hi = Math.min(v.last(), t + 5);
                            double s = 0;
                            for (int u = t - 5; u <= hi; u++) {
                                s += v.primary().logReturn(u);
                            }
                            return s / (hi - t + 6);
                        });
                    }));
        }
    }

    /** The next bar's return, but only on 1 bar in 25 (elsewhere the honest current return). */
    public static final class SparseFeature extends SimpleProvider<FeatureSet> {
        public SparseFeature() {
            super(FeatureSet.class, "planted-sparse-feature", "planted: next return on 1 bar in 25", List.of(),
                    p -> feature("sparse", 1, (v, t) -> t % 25 == 7 && t < v.last()
                            ? v.primary().logReturn(t + 1) : v.primary().logReturn(t)));
        }
    }

    /** A model that reads the label on 1 bar in 25, as known at the last visible bar. */
    public static final class SparseLabel extends SimpleProvider<Model> {
        public SparseLabel() {
            super(Model.class, "planted-sparse-label", "planted: reads the label on 1 bar in 25", List.of(),
                    p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(
                                t % 25 == 3 && t + data.horizon() <= data.last() ? data.labelKnownAt(t, data.last())
                                        : c[0] + c[1] * data.feature(t, 0))).toArray(Forecast[]::new);
                    });
        }
    }

    /** A model that reads label(t) at forecast time. */
    public static final class PredictLabel extends SimpleProvider<Model> {
        public PredictLabel() {
            super(Model.class, "planted-predict-label", "planted: reads label(t) when forecasting", List.of(),
                    p -> (train, validation, seed) -> data -> Arrays.stream(data.rows())
                            .mapToObj(t -> Forecast.point(data.label(t))).toArray(Forecast[]::new));
        }
    }

    /** A model that reads the next bar's feature row when forecasting. */
    public static final class NextRow extends SimpleProvider<Model> {
        public NextRow() {
            super(Model.class, "planted-next-row", "planted: reads feature row t+1 when forecasting", List.of(),
                    p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(c[0] + c[1]
                                * (t < data.last() ? data.feature(t + 1, 0) : data.feature(t, 0)))).toArray(Forecast[]::new);
                    });
        }
    }

    /** A model whose forecasts depend on how many times it has been called (a static counter). */
    public static final class CallCounter extends SimpleProvider<Model> {
        static long calls;

        public CallCounter() {
            super(Model.class, "planted-call-counter", "planted: forecasts drift with a static call counter", List.of(),
                    p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> {
                            synchronized (CallCounter.class) {
                                calls++;
                            }
                            return Forecast.point(c[0] + c[1] * data.feature(t, 0));
                        }).toArray(Forecast[]::new);
                    });
        }
    }

    /**
     * The label of the fold's last labelled test bar only (the bar before the last its input
     * shows), read "as of" that last bar: a leak on one bar per fold, at its edge.
     */
    public static final class FoldEdgeLabel extends SimpleProvider<Model> {
        public FoldEdgeLabel() {
            super(Model.class, "planted-fold-edge-label", "planted: reads the label on each fold's last labelled bar",
                    List.of(), p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(
                                t + data.horizon() == data.last() ? data.labelKnownAt(t, data.last())
                                        : c[0] + c[1] * data.feature(t, 0))).toArray(Forecast[]::new);
                    });
        }
    }

    /**
     * A scaler fit on the test batch: the model standardises its feature with the mean and sd of the
     * feature rows from the first bar it forecasts to the last its input shows (later bars included).
     */
    public static final class TestBatchScaler extends SimpleProvider<Model> {
        public TestBatchScaler() {
            super(Model.class, "planted-test-scaler", "planted: standardises with the test batch's statistics",
                    List.of(), p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        return data -> {
                            int first = data.rows()[0];
                            double sum = 0;
                            double squares = 0;
                            int n = 0;
                            for (int s = first; s <= data.last(); s++) {
                                double x = data.feature(s, 0);
                                sum += x;
                                squares += x * x;
                                n++;
                            }
                            double mean = sum / n;
                            double sd = Math.sqrt(Math.max(squares / n - mean * mean, 0)) + 1e-9;
                            return Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(c[0] + c[1]
                                    * (data.feature(t, 0) - mean) / sd)).toArray(Forecast[]::new);
                        };
                    });
        }
    }

    /** The next bar's return on the bar before the last of whatever view it is shown (the data's edge). */
    public static final class ViewEdge extends SimpleProvider<FeatureSet> {
        public ViewEdge() {
            super(FeatureSet.class, "planted-view-edge", "planted: next return on the view's penultimate bar",
                    List.of(), p -> feature("edge", 1, (v, t) -> t == v.last() - 1
                            ? v.primary().logReturn(t + 1) : v.primary().logReturn(t)));
        }
    }

    /** Volatility regimes with thresholds from the whole view's quantiles (full-sample). */
    public static final class FullSampleRegimes extends SimpleProvider<RegimeDetector> {
        public FullSampleRegimes() {
            super(RegimeDetector.class, "planted-full-sample-regimes", "planted: full-sample volatility quantiles",
                    List.of(), p -> train -> new FittedRegimeDetector() {
                        @Override
                        public List<String> names() {
                            return List.of("calm", "turbulent");
                        }

                        @Override
                        public String[] label(MarketView view) {
                            double[] a = new double[view.size()];
                            for (int t = 1; t < a.length; t++) {
                                a[t] = Math.abs(view.primary().logReturn(t));
                            }
                            double[] sorted = a.clone();
                            Arrays.sort(sorted);
                            double median = sorted[sorted.length / 2];
                            String[] out = new String[a.length];
                            for (int t = 1; t < a.length; t++) {
                                out[t] = a[t] > median ? "turbulent" : "calm";
                            }
                            return out;
                        }
                    });
        }
    }

    /** The next bar's open, guarded so that it never reads past the view (NaN at its end). */
    public static final class NextOpen extends SimpleProvider<FeatureSet> {
        public NextOpen() {
            super(FeatureSet.class, "planted-next-open", "planted: the next bar's open over today's close", List.of(),
                    p -> feature("next_open", 0, (v, t) -> t < v.last()
                            ? Math.log(v.primary().value(Column.OPEN, t + 1) / v.primary().close(t)) : 0.0));
        }
    }

    /** A feature set whose fit() keeps the view it was fit on in a static field, and compute() reads its end. */
    public static final class StaticView extends SimpleProvider<FeatureSet> {
        static MarketView widest;

        public StaticView() {
            super(FeatureSet.class, "planted-static-view", "planted: remembers the widest view it was shown",
                    List.of(), p -> train -> new FittedFeatures() {
                        @Override
                        public List<String> columns() {
                            return List.of("memory");
                        }

                        @Override
                        public int warmUp() {
                            return 1;
                        }

                        @Override
                        public FeatureMatrix compute(MarketView view) {
                            synchronized (StaticView.class) {
                                if (widest == null || view.size() > widest.size()) {
                                    widest = view;
                                }
                            }
                            double[] x = new double[view.size()];
                            x[0] = Double.NaN;
                            for (int t = 1; t < x.length; t++) {
                                x[t] = t + 1 < widest.size() ? widest.primary().logReturn(t + 1) : 0.0;
                            }
                            return FeatureMatrix.of(List.of("memory"), new double[][] {x}, x.length);
                        }
                    });
        }
    }

    // ---------- clean look-alikes ----------

    /** The price z-scored with the mean and sd of bars 0..t (expanding). */
    public static final class ExpandingZ extends SimpleProvider<FeatureSet> {
        public ExpandingZ() {
            super(FeatureSet.class, "clean-expanding-z", "clean: expanding-window z-score", List.of(),
                    p -> train -> new FittedFeatures() {
                        @Override
                        public List<String> columns() {
                            return List.of("z");
                        }

                        @Override
                        public int warmUp() {
                            return 20;
                        }

                        @Override
                        public FeatureMatrix compute(MarketView view) {
                            double[] x = new double[view.size()];
                            double s = 0, ss = 0;
                            for (int t = 0; t < x.length; t++) {
                                double v = view.primary().close(t);
                                s += v;
                                ss += v * v;
                                int n = t + 1;
                                double mean = s / n;
                                double sd = Math.sqrt(Math.max(0, ss / n - mean * mean));
                                x[t] = t < 20 || sd == 0 ? Double.NaN : (v - mean) / sd;
                            }
                            return FeatureMatrix.of(List.of("z"), new double[][] {x}, x.length);
                        }
                    });
        }
    }

    /** An exponentially weighted moving average of returns (lambda 0.94), causal. */
    public static final class Ewma extends SimpleProvider<FeatureSet> {
        public Ewma() {
            super(FeatureSet.class, "clean-ewma", "clean: EWMA of returns", List.of(),
                    p -> train -> new FittedFeatures() {
                        @Override
                        public List<String> columns() {
                            return List.of("ewma");
                        }

                        @Override
                        public int warmUp() {
                            return 1;
                        }

                        @Override
                        public FeatureMatrix compute(MarketView view) {
                            double[] x = new double[view.size()];
                            x[0] = Double.NaN;
                            double m = 0;
                            for (int t = 1; t < x.length; t++) {
                                m = 0.94 * m + 0.06 * view.primary().logReturn(t);
                                x[t] = m;
                            }
                            return FeatureMatrix.of(List.of("ewma"), new double[][] {x}, x.length);
                        }
                    });
        }
    }

    /** A seeded model with its own random generator: least squares on a bootstrap resample. */
    public static final class SeededBootstrap extends SimpleProvider<Model> {
        public SeededBootstrap() {
            super(Model.class, "clean-seeded-bootstrap", "clean: bootstrap least squares with its own seeded RNG",
                    List.of(), p -> (train, validation, seed) -> {
                        SplittableRandom rng = new SplittableRandom(seed);
                        int[] rows = train.rows();
                        int[] drawn = new int[rows.length];
                        for (int i = 0; i < drawn.length; i++) {
                            drawn[i] = rows[rng.nextInt(rows.length)];
                        }
                        Arrays.sort(drawn);
                        double[] c = ols(train.withRows(Arrays.stream(drawn).distinct().toArray()));
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(c[0] + c[1]
                                * data.feature(t, 0))).toArray(Forecast[]::new);
                    });
        }
    }

    /**
     * A model standardising its feature with the training rows' mean and sd (learnt at fit) and
     * winsorising it at ±3 sd before its least-squares slope: a scaler fit on training data only.
     */
    public static final class TrainScaler extends SimpleProvider<Model> {
        public TrainScaler() {
            super(Model.class, "clean-train-scaler", "clean: standardises with the training rows' statistics",
                    List.of(), p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        double mean = Arrays.stream(train.rows()).mapToDouble(t -> train.feature(t, 0)).average().orElse(0);
                        double sd = Math.sqrt(Arrays.stream(train.rows()).mapToDouble(t -> train.feature(t, 0) - mean)
                                .map(d -> d * d).average().orElse(0)) + 1e-9;
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(c[0] + c[1]
                                * (mean + sd * Math.max(-3, Math.min(3, (data.feature(t, 0) - mean) / sd)))))
                                .toArray(Forecast[]::new);
                    });
        }
    }

    /** A model shrinking its slope by an immutable static lookup table (built by the class initialiser). */
    public static final class LookupTable extends SimpleProvider<Model> {
        static final Map<Integer, Double> SHRINK = Map.of(0, 1.0, 1, 0.5, 2, 0.25);
        static final double[] WEIGHTS = {0.2, 0.3, 0.5};

        public LookupTable() {
            super(Model.class, "clean-lookup-table", "clean: reads an immutable static table", List.of(),
                    p -> (train, validation, seed) -> {
                        double[] c = ols(train);
                        double k = SHRINK.get(1) * (WEIGHTS[0] + WEIGHTS[1] + WEIGHTS[2]);
                        return data -> Arrays.stream(data.rows()).mapToObj(t -> Forecast.point(c[0] + k * c[1]
                                * data.feature(t, 0))).toArray(Forecast[]::new);
                    });
        }
    }
}
