package dev.foresight.strategies.garch;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.scaling.ScalingMethod;
import java.util.Objects;

/**
 * {@code kind: garch} as a walk-forward model: fit by maximum likelihood on the training window's
 * one-bar log returns, then forecast at each test bar from the variance filtered forward through
 * the returns up to that bar.
 *
 * <p>Where the returns come from. A model sees feature rows and labels, not prices. The one-bar
 * log return ending at bar t is read from the feature column {@code returnsFeature} (default
 * {@code ret_lag1}, which the {@code returns} feature set provides: add
 * {@code {kind: returns, lags: 1}} to the experiment's features). This works for every target and
 * horizon, where rebuilding returns from labels would work only for a one-bar log-return target.
 * The column must be unscaled (the model's default scaling is none); a column that looks scaled
 * (standard deviation above 0.5 per bar, or no negative value) is refused with that explanation.
 *
 * <p>Training returns: bars from the first fitting row to the last training bar (the validation
 * tail included: its returns are known at the end of training; only its labels are held out).
 */
record GarchModel(GarchSpec spec, Output output, String returnsFeature, boolean requireConvergence) implements Model {

    GarchModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(output, "output");
        if (returnsFeature == null || returnsFeature.isBlank()) {
            throw new IllegalArgumentException("garch: returns_feature must name a feature column");
        }
    }

    @Override
    public FittedModel fit(ModelData train, ModelData validation, long seed) {
        int column = returnsColumn(train);
        int[] rows = train.rows();
        if (rows.length == 0) {
            throw new IllegalArgumentException(name() + ": no training rows");
        }
        int start = rows[0];
        int last = train.last();
        double[] r = new double[last - start + 1];
        for (int t = start; t <= last; t++) {
            double x = train.feature(t, column);
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(name() + ": the return feature '" + returnsFeature + "' is " + x
                        + " at bar " + t + " inside the training window");
            }
            r[t - start] = x;
        }
        checkUnscaled(r);
        Output resolved = output == Output.AUTO ? Output.infer(train.rowLabels()) : output;
        GarchFit fit = GarchEstimator.fit(r, spec);
        if (requireConvergence && !fit.convergence().converged()) {
            throw new IllegalArgumentException(name() + ": the maximum-likelihood fit did not converge ("
                    + fit.convergence().message() + "); set require_convergence: false to use the estimates anyway");
        }
        return new FittedGarch(fit, resolved, column, returnsFeature, start, train.horizon());
    }

    /** The returns column exists, and an automatic output has labels it can serve (not a direction target's 0/1). */
    @Override
    public void preflight(ModelData train) {
        returnsColumn(train);
        if (output == Output.AUTO) {
            Output.infer(train.rowLabels());
        }
    }

    private int returnsColumn(ModelData data) {
        int column = data.featureNames().indexOf(returnsFeature);
        if (column < 0) {
            throw new IllegalArgumentException(name() + ": needs the one-bar log return as the feature column '"
                    + returnsFeature + "', which is not among the features " + data.featureNames()
                    + "; add {kind: returns, lags: 1} to the experiment's features (return_type log, scaling none)");
        }
        return column;
    }

    private void checkUnscaled(double[] r) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double x : r) {
            mean += x;
            min = Math.min(min, x);
        }
        mean /= r.length;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, r.length - 1));
        if (sd > 0.5 || min >= 0) {
            throw new IllegalArgumentException(name() + ": the feature '" + returnsFeature + "' does not look like raw"
                    + " one-bar log returns (standard deviation " + sd + ", minimum " + min + "); the model needs it"
                    + " unscaled: use scaling: none for this model");
        }
    }

    String name() {
        return "garch(" + spec.variance().yamlName() + ", " + spec.innovations().yamlName() + ")";
    }

    @Override
    public ScalingMethod defaultScaling() {
        return ScalingMethod.NONE;
    }
}
