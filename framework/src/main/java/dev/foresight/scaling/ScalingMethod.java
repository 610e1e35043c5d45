package dev.foresight.scaling;

import java.util.Locale;

/** How feature columns are scaled; always fit on training rows only. */
public enum ScalingMethod {
    NONE, MINMAX, ZSCORE;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace("zscore", "z-score");
    }
}
