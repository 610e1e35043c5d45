package dev.foresight.run.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * One (experiment × model × fold) task as planned by the driver: plain values, so it can be sent
 * to another JVM. {@code cacheKey} is the SHA-256 of everything the task's result depends on (it
 * is stored in the task file, and a later run reuses the file only when it matches); {@code seed}
 * is the task's own seed, derived from the batch seed and the names.
 */
public record PlannedTask(String id, String experiment, String model, int fold, long seed, String cacheKey,
                          long volatilitySeed) implements Serializable {

    /**
     * @param volatilitySeed the seed the strategy's volatility model ({@code volatility_model}) is
     *                       fit with in this task: that model's own task seed for the fold, so it
     *                       forecasts here what it forecasts there; {@code seed} when none is named
     */
    public PlannedTask(String id, String experiment, String model, int fold, long seed, String cacheKey) {
        this(id, experiment, model, fold, seed, cacheKey, seed);
    }

    public PlannedTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(cacheKey, "cacheKey");
        if (fold < 0) {
            throw new IllegalArgumentException("fold must be non-negative, got " + fold);
        }
    }

    /** The task id used in file names, progress and messages: {@code EXPERIMENT/MODEL/fold-NNN}. */
    public static String id(String experiment, String model, int fold) {
        return experiment + "/" + model + "/fold-" + String.format("%03d", fold);
    }
}
