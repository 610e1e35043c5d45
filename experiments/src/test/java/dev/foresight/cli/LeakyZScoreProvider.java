package dev.foresight.cli;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.plugin.SimpleProvider;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately leaking third-party plugin, registered on the test class path only
 * ({@code kind: leaky-zscore}): the price z-scored with the mean and sd of every bar it is shown.
 */
public final class LeakyZScoreProvider extends SimpleProvider<FeatureSet> {

    public LeakyZScoreProvider() {
        super(FeatureSet.class, "leaky-zscore", "TEST ONLY: z-score with full-sample statistics (a leak)", List.of(),
                p -> train -> new FittedFeatures() {
                    @Override
                    public List<String> columns() {
                        return List.of("price_z");
                    }

                    @Override
                    public int warmUp() {
                        return 0;
                    }

                    @Override
                    public FeatureMatrix compute(MarketView view) {
                        double[] x = view.primary().prices();
                        double mean = Arrays.stream(x).average().orElseThrow();
                        double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
                        double[] z = Arrays.stream(x).map(v -> (v - mean) / sd).toArray();
                        return FeatureMatrix.of(List.of("price_z"), new double[][] {z}, z.length);
                    }
                });
    }
}
