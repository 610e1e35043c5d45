package dev.foresight.strategies.garch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which model to fit: variance equation, mean, innovation distribution and initial-variance rule.
 * The parameter vector is ordered as {@link #parameterNames()}: mean parameters ({@code mu},
 * {@code ar1}), then {@code omega}, {@code alpha}, {@code gamma} (GJR and EGARCH), {@code beta},
 * then {@code nu} (Student-t).
 */
public record GarchSpec(VarianceModel variance, MeanModel mean, Innovations innovations, InitialVariance initial) {

    public GarchSpec {
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(innovations, "innovations");
        Objects.requireNonNull(initial, "initial");
    }

    /** GARCH/GJR/EGARCH with the given mean and distribution, started by {@link InitialVariance#SAMPLE_VARIANCE}. */
    public static GarchSpec of(VarianceModel variance, MeanModel mean, Innovations innovations) {
        return new GarchSpec(variance, mean, innovations, InitialVariance.SAMPLE_VARIANCE);
    }

    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        if (mean != MeanModel.ZERO) {
            names.add("mu");
        }
        if (mean == MeanModel.AR1) {
            names.add("ar1");
        }
        names.add("omega");
        names.add("alpha");
        if (variance != VarianceModel.GARCH) {
            names.add("gamma");
        }
        names.add("beta");
        if (innovations == Innovations.STUDENT_T) {
            names.add("nu");
        }
        return List.copyOf(names);
    }

    public int parameterCount() {
        return parameterNames().size();
    }

    /** A short label such as {@code gjr(1,1)-t, mean constant}. */
    public String label() {
        return variance.yamlName() + "(1,1)-" + innovations.yamlName() + ", mean " + mean.yamlName() + ", init "
                + initial.yamlName();
    }
}
