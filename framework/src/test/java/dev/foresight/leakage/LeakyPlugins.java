package dev.foresight.leakage;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.feature.LastRowFeatures;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.LastLabelDetector;
import dev.foresight.regime.RegimeDetector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Deliberately leaking plugins, each a look-ahead bug seen in real research code. */
final class LeakyPlugins {

    private LeakyPlugins() {
    }

    /** A feature set computing one column from the visible prices with {@code f}. */
    static FeatureSet feature(String column, Function<double[], double[]> f) {
        return train -> new FittedFeatures() {
            @Override
            public List<String> columns() {
                return List.of(column);
            }

            @Override
            public int warmUp() {
                return 0;
            }

            @Override
            public FeatureMatrix compute(MarketView view) {
                double[] values = f.apply(view.primary().prices());
                return FeatureMatrix.of(List.of(column), new double[][] {values}, values.length);
            }
        };
    }

    /**
     * Like {@link #feature}, and offering the check the last row alone ({@link LastRowFeatures}):
     * {@code last} computes it from the cut view, {@code calls} counts its calls.
     */
    static FeatureSet featureWithLastRow(String column, Function<double[], double[]> f,
                                         Function<MarketView, Double> last, AtomicInteger calls) {
        return train -> new LastRowFeatures() {
            @Override
            public List<String> columns() {
                return List.of(column);
            }

            @Override
            public int warmUp() {
                return 0;
            }

            @Override
            public FeatureMatrix compute(MarketView view) {
                double[] values = f.apply(view.primary().prices());
                return FeatureMatrix.of(List.of(column), new double[][] {values}, values.length);
            }

            @Override
            public double[] lastRow(MarketView view) {
                calls.incrementAndGet();
                return new double[] {last.apply(view)};
            }
        };
    }

    /** {@code detector} offering the check its last label alone: that of {@code label} on the cut view. */
    static RegimeDetector withLastLabel(RegimeDetector detector) {
        return train -> {
            FittedRegimeDetector fitted = detector.fit(train);
            return new LastLabelDetector() {
                @Override
                public List<String> names() {
                    return fitted.names();
                }

                @Override
                public String[] label(MarketView view) {
                    return fitted.label(view);
                }

                @Override
                public String lastLabel(MarketView view) {
                    return fitted.label(view)[view.last()];
                }
            };
        };
    }

    /** Uses the next bar's return at bar t: the classic off-by-one. */
    static FeatureSet nextBarReturn() {
        return feature("next_return", p -> {
            double[] out = nan(p.length);
            for (int t = 0; t + 1 < p.length; t++) {
                out[t] = Math.log(p[t + 1] / p[t]);
            }
            return out;
        });
    }

    /** A moving average centred on t (pandas' rolling(center=True)). */
    static FeatureSet centredMovingAverage(int half) {
        return feature("centred_ma", p -> {
            double[] out = nan(p.length);
            for (int t = half; t + half < p.length; t++) {
                double sum = 0;
                for (int s = t - half; s <= t + half; s++) {
                    sum += p[s];
                }
                out[t] = sum / (2 * half + 1);
            }
            return out;
        });
    }

    /** A z-score of the price with the mean and standard deviation of the whole sample. */
    static FeatureSet fullSampleZScore() {
        return feature("price_z", p -> {
            double mean = Arrays.stream(p).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(p).map(v -> (v - mean) * (v - mean)).sum() / (p.length - 1));
            return Arrays.stream(p).map(v -> (v - mean) / sd).toArray();
        });
    }

    /** A min-max scaler fit on all the data, inside the plugin. */
    static FeatureSet fullSampleMinMax() {
        return feature("price_minmax", p -> {
            double min = Arrays.stream(p).min().orElseThrow();
            double max = Arrays.stream(p).max().orElseThrow();
            return Arrays.stream(p).map(v -> (v - min) / (max - min)).toArray();
        });
    }

    /**
     * A model that remembers in static state every label it is ever shown and forecasts the
     * remembered label when it has one: perfect foresight once the full test block was forecast.
     */
    static Model staticLabelMemory() {
        Map<Integer, Double> memory = MEMORY;
        return (train, validation, seed) -> data -> {
            for (int s = 0; s + data.horizon() <= data.last(); s++) {
                memory.put(s, data.labelKnownAt(s, data.last()));
            }
            return Arrays.stream(data.rows())
                    .mapToObj(t -> Forecast.point(memory.getOrDefault(t, 0.0)))
                    .toArray(Forecast[]::new);
        };
    }

    static final Map<Integer, Double> MEMORY = new ConcurrentHashMap<>();

    /** Volatility regimes with thresholds from the whole sample instead of the training window. */
    static RegimeDetector fullSampleQuantiles(int window) {
        return train -> new FittedRegimeDetector() {
            @Override
            public List<String> names() {
                return List.of("low", "high");
            }

            @Override
            public String[] label(MarketView view) {
                double[] p = view.primary().prices();
                double[] vol = nan(p.length);
                for (int t = window; t < p.length; t++) {
                    double ss = 0;
                    for (int s = t - window + 1; s <= t; s++) {
                        double r = Math.log(p[s] / p[s - 1]);
                        ss += r * r;
                    }
                    vol[t] = Math.sqrt(ss / window);
                }
                double[] sorted = Arrays.stream(vol).filter(Double::isFinite).sorted().toArray();
                double median = sorted[sorted.length / 2];
                String[] out = new String[p.length];
                for (int t = window; t < p.length; t++) {
                    out[t] = vol[t] > median ? "high" : "low";
                }
                return out;
            }
        };
    }

    /** A model that forecasts 0 and learns nothing: the honest control. */
    static Model zero() {
        return (train, validation, seed) -> new FittedModel() {
            @Override
            public Forecast[] predict(ModelData data) {
                Forecast[] out = new Forecast[data.size()];
                Arrays.fill(out, Forecast.point(0));
                return out;
            }
        };
    }

    static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
