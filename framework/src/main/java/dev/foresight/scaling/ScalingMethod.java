package dev.foresight.scaling;

/** How feature columns are scaled; always fit on training rows only. */
public enum ScalingMethod {
    NONE, MINMAX, ZSCORE;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("zscore", "z-score");
    }
}
