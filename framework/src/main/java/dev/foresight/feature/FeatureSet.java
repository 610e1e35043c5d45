package dev.foresight.feature;

import dev.foresight.data.MarketView;

/**
 * Turns market data into feature columns. {@link #fit} may learn from the training window only
 * (it is given nothing else); the fitted transform must be causal: row {@code t} depends on bars
 * {@code ≤ t} only. Causality is checked by the leakage checks, not trusted.
 */
public interface FeatureSet {

    /** Learns data-dependent parameters from the training window; returns an immutable transform. */
    FittedFeatures fit(MarketView train);
}
