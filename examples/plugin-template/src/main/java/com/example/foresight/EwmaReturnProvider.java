package com.example.foresight;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.List;

/**
 * {@code kind: ewma-return}: an exponentially weighted average of log returns, {@code lambda}
 * decay. Causal: row t reads bars 0..t only, and nothing is learnt from the view it is shown.
 */
public final class EwmaReturnProvider extends SimpleProvider<FeatureSet> {

    public EwmaReturnProvider() {
        super(FeatureSet.class, "ewma-return", "exponentially weighted average of log returns (template plugin)",
                List.of(ParameterSpec.real("lambda", 0.94, 0.0, 1.0, "decay per bar")),
                p -> ewma(p.real("lambda")));
    }

    static FeatureSet ewma(double lambda) {
        return train -> new FittedFeatures() {
            @Override
            public List<String> columns() {
                return List.of("ewma_return");
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
                    m = lambda * m + (1 - lambda) * view.primary().logReturn(t);
                    x[t] = m;
                }
                return FeatureMatrix.of(List.of("ewma_return"), new double[][] {x}, x.length);
            }
        };
    }
}
