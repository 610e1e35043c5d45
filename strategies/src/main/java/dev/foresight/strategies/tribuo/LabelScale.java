package dev.foresight.strategies.tribuo;

/**
 * The training labels' mean and standard deviation. Regression models fit standardised labels
 * {@code (y − mean) / sd} and map forecasts back, so penalties (elastic net's {@code alpha},
 * XGBoost's {@code lambda}, {@code gamma} and {@code base_score}) mean the same for a daily log
 * return of 0.01 as for a price of 100 — as glmnet does.
 */
record LabelScale(double mean, double sd) {

    LabelScale {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("label scale needs a finite mean and a positive sd, got " + mean
                    + ", " + sd);
        }
    }

    /** Fails when the labels are constant: there is nothing to learn. */
    static LabelScale of(String model, double[] y) {
        boolean constant = true;
        for (double v : y) {
            constant &= v == y[0];
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (y.length - 1));
        // compared exactly: the mean of n equal values can differ from them in the last bit
        if (constant || !(sd > 0)) {
            throw new IllegalArgumentException(model + ": the " + y.length + " training labels are all " + y[0]
                    + "; a regression needs labels that vary");
        }
        return new LabelScale(mean, sd);
    }

    double toStandard(double y) {
        return (y - mean) / sd;
    }

    double fromStandard(double z) {
        return mean + sd * z;
    }
}
