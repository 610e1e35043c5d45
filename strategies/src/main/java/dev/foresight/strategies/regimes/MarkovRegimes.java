package dev.foresight.strategies.regimes;

import dev.foresight.data.MarketView;
import dev.foresight.regime.FittedRegimeDetector;
import dev.foresight.regime.RegimeDetector;
import java.util.List;

/**
 * {@code low-vol} / {@code high-vol} from a two-state Gaussian Markov-switching model of the
 * primary series' one-bar log returns ({@link MarkovSwitching}), fit by EM on the training window
 * only. A bar is {@code high-vol} when the FILTERED probability of the high-variance state, given
 * the returns up to and including that bar (Hamilton filter run forward from the first return with
 * the fitted parameters), exceeds 0.5. Smoothed probabilities would use later returns and are
 * never used to label. Bar 0 has no return and no label.
 */
record MarkovRegimes(int maxIterations, double tolerance) implements RegimeDetector {

    static final String LOW = "low-vol";
    static final String HIGH = "high-vol";

    @Override
    public FittedRegimeDetector fit(MarketView train) {
        return new Fitted(MarkovSwitching.fit(returns(train), maxIterations, tolerance));
    }

    static double[] returns(MarketView view) {
        double[] p = view.primary().prices();
        double[] r = new double[Math.max(0, p.length - 1)];
        for (int t = 1; t < p.length; t++) {
            r[t - 1] = Math.log(p[t] / p[t - 1]);
        }
        return r;
    }

    record Fitted(MarkovSwitching model) implements FittedRegimeDetector {

        @Override
        public List<String> names() {
            return List.of(LOW, HIGH);
        }

        @Override
        public String[] label(MarketView view) {
            double[] high = model.filter(returns(view));
            String[] out = new String[view.size()];
            for (int t = 1; t < out.length; t++) {
                out[t] = high[t - 1] > 0.5 ? HIGH : LOW;
            }
            return out;
        }
    }
}
