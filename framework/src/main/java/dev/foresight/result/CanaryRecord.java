package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code canary.json}: the null-data canary of one experiment × model — what it
 * measured on the random-walk surrogate, the p-values after Holm's step-down over the whole batch,
 * the verdict, and the key of the inputs (a later run reuses the measurement when the key matches,
 * and judges it again with its own batch). The one type the run writes and the summary and report read.
 *
 * @param holmAdjusted  null when an older file has none (the measurement alone is reused)
 * @param outcome       null in such a file too; a run always writes it
 */
@JsonPropertyOrder(alphabetic = true) // the file's layout since it was written from a sorted map
public record CanaryRecord(String experiment, String model, CanaryMeasurement measurement, HolmAdjusted holmAdjusted,
                           CheckOutcome outcome, String inputsSha256) {

    public CanaryRecord {
        if (experiment == null || model == null) {
            throw new IllegalArgumentException("a canary entry names its experiment and model");
        }
    }

    /** {@code experiment/model}, the entry's key. */
    public String key() {
        return experiment + "/" + model;
    }

    /**
     * The canary's two p-values after Holm's step-down over every canary test of the batch; null
     * where the test did not apply.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record HolmAdjusted(Double ptPValue, Double sharpePValue) {

        /** From the step-down's output, where NaN marks a test that did not apply. */
        public static HolmAdjusted of(double pt, double sharpe) {
            return new HolmAdjusted(Double.isNaN(pt) ? null : pt, Double.isNaN(sharpe) ? null : sharpe);
        }
    }
}
