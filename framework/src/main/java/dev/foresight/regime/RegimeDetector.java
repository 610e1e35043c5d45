package dev.foresight.regime;

import dev.foresight.data.MarketView;

/**
 * Labels market regimes. {@link #fit} learns thresholds from the training window only; the
 * fitted detector labels bars causally.
 */
public interface RegimeDetector {

    FittedRegimeDetector fit(MarketView train);
}
