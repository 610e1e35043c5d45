package dev.foresight.strategies.garch;

import dev.foresight.feature.FeatureSet;
import dev.foresight.plugin.SimpleProvider;

/** {@code kind: garch} (FeatureSet). */
public final class GarchFeaturesProvider extends SimpleProvider<FeatureSet> {

    public GarchFeaturesProvider() {
        super(FeatureSet.class, "garch",
                "GARCH fitted on the training window, filtered forward causally: garch_vol (σ of the next bar known at t),"
                        + " garch_std_resid (e(t)/σ(t))",
                GarchModelProvider.SPEC_PARAMETERS,
                p -> new GarchFeatures(GarchModelProvider.spec(p)));
    }
}
