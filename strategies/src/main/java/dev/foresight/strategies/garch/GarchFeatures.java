package dev.foresight.strategies.garch;

import dev.foresight.data.MarketView;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.feature.FeatureSet;
import dev.foresight.feature.FittedFeatures;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code kind: garch} as a feature set. {@link #fit} estimates the model on the training window's
 * one-bar log returns (of the primary series' adjusted close when present); the fitted transform
 * filters every later bar with those fixed parameters and the fit's fixed initial variance, so
 * row t uses returns up to t only. Columns:
 * <ul>
 * <li>{@code garch_vol}: √E[σ²(t+1) | returns ≤ t], the one-step-ahead conditional volatility
 *     known at the close of t;</li>
 * <li>{@code garch_std_resid}: e(t)/σ(t), bar t's return residual standardised by its conditional
 *     volatility (known at t−1).</li>
 * </ul>
 * Warm-up: 1 bar (bar 0 has no return). Filtering always starts at bar 1 of the view, so a fold's
 * rows do not depend on where the view is cut.
 */
record GarchFeatures(GarchSpec spec) implements FeatureSet {

    static final List<String> COLUMNS = List.of("garch_vol", "garch_std_resid");

    GarchFeatures {
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public FittedFeatures fit(MarketView train) {
        double[] r = logReturns(train);
        GarchFit fit = GarchEstimator.fit(r, spec);
        if (!fit.convergence().converged()) {
            throw new IllegalArgumentException("garch features: the fit on the training window did not converge ("
                    + fit.convergence().message() + ")");
        }
        return new Fitted(fit);
    }

    static double[] logReturns(MarketView view) {
        double[] p = view.primary().prices();
        double[] r = new double[Math.max(0, p.length - 1)];
        for (int t = 1; t < p.length; t++) {
            r[t - 1] = Math.log(p[t] / p[t - 1]);
        }
        return r;
    }

    record Fitted(GarchFit fit) implements FittedFeatures {

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public int warmUp() {
            return 1;
        }

        @Override
        public FeatureMatrix compute(MarketView view) {
            int n = view.size();
            double[] vol = new double[n];
            double[] z = new double[n];
            Arrays.fill(vol, Double.NaN);
            Arrays.fill(z, Double.NaN);
            if (n >= 2) {
                double[] r = logReturns(view);
                Filtered f = fit.filter(r);
                double[] e = f.residuals();
                double[] v = f.variances();
                double[] std = f.standardised();
                for (int i = 0; i < r.length; i++) {
                    int t = i + 1;
                    vol[t] = Math.sqrt(fit.nextVariance(e[i], v[i]));
                    z[t] = std[i];
                }
            }
            return FeatureMatrix.of(COLUMNS, new double[][] {vol, z}, n);
        }
    }
}
