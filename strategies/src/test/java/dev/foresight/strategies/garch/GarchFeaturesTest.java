package dev.foresight.strategies.garch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FittedFeatures;
import dev.foresight.strategies.Markets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kind: garch} as a feature set: fit on training bars, causal afterwards. */
class GarchFeaturesTest {

    private static final GarchSpec SPEC = GarchSpec.of(VarianceModel.GJR, MeanModel.CONSTANT, Innovations.NORMAL);

    private static MarketData market() {
        double[] r = Simulator.simulate(SPEC, new double[] {3e-4, 3e-6, 0.03, 0.1, 0.88}, 1200, 8);
        double[] close = new double[r.length + 1];
        close[0] = 100;
        for (int t = 0; t < r.length; t++) {
            close[t + 1] = close[t] * Math.exp(r[t]);
        }
        return Markets.of(close);
    }

    @Test
    void garchFeatures_rowsComputedOnATruncatedViewEqualThoseOfTheFullView() {
        MarketData data = market();
        FittedFeatures fitted = new GarchFeatures(SPEC).fit(data.upTo(800));
        FeatureMatrix full = fitted.compute(data.full());
        for (int t : new int[] {1, 2, 500, 801, 1100}) {
            FeatureMatrix cut = fitted.compute(data.upTo(t));
            assertEquals(t + 1, cut.rows());
            for (int s = 0; s <= t; s++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(full.get(s, c), cut.get(s, c), 0.0, "bar " + s + " column " + c + " cut at " + t);
                }
            }
        }
    }

    @Test
    void garchFeatures_columnsAreTheNextBarVolatilityAndTheStandardisedResidual() {
        MarketData data = market();
        FittedFeatures fitted = new GarchFeatures(SPEC).fit(data.upTo(800));
        assertEquals(List.of("garch_vol", "garch_std_resid"), fitted.columns());
        assertEquals(1, fitted.warmUp());
        FeatureMatrix m = fitted.compute(data.full());
        assertTrue(Double.isNaN(m.get(0, 0)) && Double.isNaN(m.get(0, 1)), "bar 0 has no return");
        GarchFit fit = ((GarchFeatures.Fitted) fitted).fit();
        double[] r = GarchFeatures.logReturns(data.full());
        Filtered f = fit.filter(r);
        // garch_vol at bar t is σ of bar t+1's return, which the filter holds at index t (return t+1 is r[t])
        for (int t = 1; t < 1200; t += 97) {
            assertEquals(Math.sqrt(f.variances()[t]), m.get(t, 0), 1e-15);
            assertEquals(f.standardised()[t - 1], m.get(t, 1), 1e-15);
        }
        // the fit saw the training window only: the same as fitting bars 0..800 directly
        GarchFit direct = GarchEstimator.fit(GarchFeatures.logReturns(data.upTo(800)), SPEC);
        assertEquals(direct.logLikelihood(), fit.logLikelihood(), 0.0);
    }
}
