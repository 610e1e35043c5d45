package dev.foresight.strategies.garch;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.SimpleProvider;
import java.util.ArrayList;
import java.util.List;

/** {@code kind: garch} (Model). */
public final class GarchModelProvider extends SimpleProvider<Model> {

    static final List<ParameterSpec> SPEC_PARAMETERS = List.of(
            ParameterSpec.choice("variant", "garch", VarianceModel.CHOICES,
                    "variance equation: garch (Bollerslev), gjr (leverage: extra γ after negative returns), egarch (Nelson, log variance)"),
            ParameterSpec.choice("mean", "constant", MeanModel.CHOICES, "conditional mean: zero, constant μ, or ar1 μ + φ r(t-1)"),
            ParameterSpec.choice("dist", "normal", Innovations.CHOICES,
                    "innovations: normal, or t (unit-variance Student-t, degrees of freedom estimated)"),
            ParameterSpec.choice("init", "sample-variance", InitialVariance.CHOICES,
                    "initial variance: sample-variance (mean squared residual, fGarch's rule), backcast (0.94-weighted first 75), fgarch (fGarch's exact GJR start-up)"));

    public GarchModelProvider() {
        super(Model.class, "garch",
                "GARCH(1,1)/GJR/EGARCH by maximum likelihood on the one-bar log returns in feature ret_lag1; forecasts"
                        + " realised volatility (RMS of the next h returns) or the h-bar mean return",
                concat(SPEC_PARAMETERS, List.of(
                        ParameterSpec.choice("output", "auto", Output.CHOICES,
                                "auto: volatility for non-negative labels (realised-vol), mean for signed labels (log-return)"),
                        ParameterSpec.text("returns_feature", "ret_lag1",
                                "feature column holding the unscaled one-bar log return ending at t (from {kind: returns})"),
                        ParameterSpec.bool("require_convergence", true,
                                "fail the fold when the fit does not converge (false: use the estimates, flagged in diagnostics)"))),
                p -> new GarchModel(spec(p), Output.of(p.text("output")), p.text("returns_feature"),
                        p.bool("require_convergence")));
    }

    static GarchSpec spec(dev.foresight.plugin.Parameters p) {
        return new GarchSpec(VarianceModel.of(p.text("variant")), MeanModel.of(p.text("mean")),
                Innovations.of(p.text("dist")), InitialVariance.of(p.text("init")));
    }

    static List<ParameterSpec> concat(List<ParameterSpec> a, List<ParameterSpec> b) {
        List<ParameterSpec> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
