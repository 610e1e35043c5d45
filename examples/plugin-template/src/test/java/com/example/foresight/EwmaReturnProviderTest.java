package com.example.foresight;

import dev.foresight.contract.FeatureSetContract;
import dev.foresight.feature.FeatureSet;

/** The framework's contract tests (causality, determinism, shapes) for the template's feature set. */
class EwmaReturnProviderTest extends FeatureSetContract {

    @Override
    protected FeatureSet featureSet() {
        return EwmaReturnProvider.ewma(0.94);
    }
}
