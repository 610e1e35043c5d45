package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.RegimeDetector;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Low / normal / high volatility of the primary series. At fit, the thresholds are the
 * {@code lowQuantile} and {@code highQuantile} quantiles of the trailing volatility over the
 * training window only. Quantiles use R's default definition (type 7: linear interpolation
 * between order statistics at position {@code (n-1)·q}), so they can be checked by hand or in R.
 */
record VolatilityRegimes(int window, double lowQuantile, double highQuantile) implements RegimeDetector {

    VolatilityRegimes {
        if (window < 2) {
            throw new IllegalArgumentException("volatility: window must be ≥ 2 returns, got " + window);
        }
        if (!(0 < lowQuantile && lowQuantile < highQuantile && highQuantile < 1)) {
            throw new IllegalArgumentException("volatility: quantiles must satisfy 0 < low < high < 1, got "
                    + lowQuantile + ", " + highQuantile);
        }
    }

    @Override
    public FittedRegimeDetector fit(MarketView train) {
        double[] vol = TrailingVolatility.of(train.primary().prices(), window);
        double[] known = Arrays.stream(vol).filter(Double::isFinite).toArray();
        if (known.length < 2) {
            throw new IllegalArgumentException("volatility: the training window has " + train.size()
                    + " bars; measuring thresholds over a " + window + "-bar window needs at least " + (window + 2));
        }
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(known);
        return new FittedVolatilityRegimes(window, quantile.evaluate(100 * lowQuantile),
                quantile.evaluate(100 * highQuantile));
    }
}
