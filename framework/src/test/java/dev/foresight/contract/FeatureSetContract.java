package dev.foresight.contract;

import dev.foresight.feature.FeatureSet;
import java.util.List;

/** The contract for a {@link FeatureSet}: extend and return a fresh instance from {@link #featureSet()}. */
public abstract class FeatureSetContract extends PipelineContract {

    protected abstract FeatureSet featureSet();

    @Override
    protected final List<FeatureSet> features() {
        return List.of(featureSet());
    }
}
