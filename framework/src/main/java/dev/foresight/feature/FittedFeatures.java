package dev.foresight.feature;

import dev.foresight.data.MarketView;
import java.util.List;

/** A fitted, immutable feature transform. */
public interface FittedFeatures {

    /** Column names, unique within the feature set (the engine prefixes nothing). */
    List<String> columns();

    /** Bars at the start that have no value yet; they are NaN and dropped, never zero-filled. */
    int warmUp();

    /** Feature rows for bars {@code 0..view.last()}, all at once; row {@code t} uses bars {@code ≤ t}. */
    FeatureMatrix compute(MarketView view);
}
