package dev.foresight.leakage;

import dev.foresight.pipeline.Pipeline;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a task's plugins are kept apart from its checks and from other tasks. {@code checkPipeline}
 * gives the task's pipeline again with every plugin created from classes loaded afresh (the
 * checks' recomputations run on it, so a cache or static field the task's own computation filled
 * is not there); {@code staticChanges} lists, after the task, the plugin classes of the task's own
 * loader whose static state changed while it ran; {@code shared} (null: none) holds the batch's
 * checked inputs per {@code experiment} and fold, so the every-bar input check runs once per fold.
 */
public record Isolation(Supplier<Pipeline> checkPipeline,
                        Supplier<List<dev.foresight.isolation.StaticState.Change>> staticChanges,
                        SharedInputs shared, String experiment) {

    public Isolation {
        if (checkPipeline == null || staticChanges == null) {
            throw new IllegalArgumentException("checkPipeline and staticChanges are required");
        }
    }

    /** No isolation: the checks recompute with the task's own plugin instances (tests of single checks). */
    public static Isolation none(Pipeline pipeline) {
        return new Isolation(() -> pipeline, List::of, null, "");
    }
}
