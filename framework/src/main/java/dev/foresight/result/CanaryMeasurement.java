package dev.foresight.result;

/**
 * What the null-data canary measured for one model on its random-walk surrogate, before any
 * judgement: the raw one-sided p-values of its tests ({@code null} when a test did not apply — no
 * direction calls, no strategy, too few bars). Kept apart from the verdict because the verdict
 * depends on every other canary test of the batch (Holm's step-down, see {@code leakage.NullCanary.judge}),
 * and because a cached measurement can then be re-judged in a different batch.
 *
 * @param plugin        what a failure blames, e.g. {@code model linear}
 * @param bars          surrogate forecasts the tests saw
 * @param evidence      hit rate, Sharpe and raw p-values in words
 * @param ptPValue      Pesaran–Timmermann p-value of the direction calls, or null
 * @param sharpePValue  {@code 1 − P(Sharpe > 0)} from the probabilistic Sharpe ratio, or null
 */
public record CanaryMeasurement(String plugin, int bars, String evidence, Double ptPValue, Double sharpePValue) {

    /** Fewer surrogate forecasts than this and the canary does not judge. */
    public static final int MIN_BARS = 30;

    public CanaryMeasurement {
        if (plugin == null || evidence == null) {
            throw new IllegalArgumentException("plugin and evidence are required");
        }
        if (bars < 0) {
            throw new IllegalArgumentException("bars must be >= 0, got " + bars);
        }
        checkP(ptPValue, "ptPValue");
        checkP(sharpePValue, "sharpePValue");
    }

    private static void checkP(Double p, String name) {
        if (p != null && !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    /** Whether there was enough to judge (else the verdict is a warning). */
    public boolean judgeable() {
        return bars >= MIN_BARS;
    }
}
