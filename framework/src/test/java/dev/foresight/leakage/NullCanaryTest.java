package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.backtest.CostModel;
import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.GarchSource;
import dev.foresight.metrics.Annualisation;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.pipeline.NamedFeatureSet;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NullCanaryTest {

    private static final MarketData DATA = GarchSource.defaults().market("G", 1500, 3);

    /** Forecasts the value of feature column 0 (whatever it is). */
    private static Model echoFeature() {
        return (train, validation, seed) -> data -> Arrays.stream(data.rows())
                .mapToObj(t -> Forecast.point(data.feature(t, 0))).toArray(Forecast[]::new);
    }

    private static CheckOutcome canary(Pipeline p) {
        return NullCanary.check(DATA, p, WalkForwardPlan.expanding(500, 250).folds(DATA.size(), 1), new CostModel(1, 0),
                Annualisation.DAILY, 5);
    }

    @Test
    void theSurrogateKeepsEveryReturnButNotTheirOrder() {
        MarketData s = NullCanary.surrogate(DATA, 9);
        double[] a = returns(DATA.primary().prices());
        double[] b = returns(s.primary().prices());
        assertFalse(Arrays.equals(a, b));
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, 1e-12);
        assertEquals(DATA.primary().price(0), s.primary().price(0));
    }

    @Test
    void aModelFedTheNextBarFindsSkillInNoiseAndIsFlagged() {
        // the next bar's return, with the last bar (whose future is unknown) filled with 0 to hide the gap
        var nextReturn = LeakyPlugins.feature("next_return", p -> {
            double[] out = new double[p.length];
            for (int t = 0; t + 1 < p.length; t++) {
                out[t] = Math.log(p[t + 1] / p[t]);
            }
            return out;
        });
        Pipeline leaky = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("next", nextReturn)),
                ScalingMethod.NONE, "oracle", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 1);
        CheckOutcome c = canary(leaky);
        assertTrue(c.failed(), c.toString());
        assertEquals("model oracle", c.plugin());
        assertTrue(c.evidence().contains("PT p = 0.0000"), c.evidence());
    }

    @Test
    void anHonestModelFindsNothingInNoise() {
        Pipeline honest = new Pipeline(Targets.logReturn(1), List.of(new NamedFeatureSet("last", LeakyPlugins.feature("ret",
                p -> {
                    double[] out = LeakyPlugins.nan(p.length);
                    for (int t = 1; t < p.length; t++) {
                        out[t] = Math.log(p[t] / p[t - 1]);
                    }
                    return out;
                }))), ScalingMethod.NONE, "momentum", echoFeature(), Optional.of(in -> Math.signum(in.expectedMove())),
                List.of(), 1);
        CheckOutcome c = canary(honest);
        assertFalse(c.failed(), c.toString());
        assertTrue(c.evidence().contains("no significant skill"), c.evidence());
    }

    private static double[] returns(double[] p) {
        double[] r = new double[p.length - 1];
        for (int i = 1; i < p.length; i++) {
            r[i - 1] = Math.log(p[i] / p[i - 1]);
        }
        return r;
    }
}
