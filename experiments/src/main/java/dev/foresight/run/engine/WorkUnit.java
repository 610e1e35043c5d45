package dev.foresight.run.engine;

import java.io.Serializable;
import java.util.List;

/**
 * What one worker runs at a time: one independent task, or the chain of a warm-starting model's
 * folds, in fold order (each fold is fit from the previous fold's fitted model, which is never
 * stored, so a chain cannot be split between workers or JVMs). {@code expectedCost} is a relative
 * guess (training rows, doubled for a fold refit by the perturbation check) used only to submit
 * the largest units first.
 */
public record WorkUnit(String experiment, String model, List<PlannedTask> tasks, boolean chain, long expectedCost)
        implements Serializable {

    public WorkUnit {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a unit of work has at least one task");
        }
        if (!chain && tasks.size() != 1) {
            throw new IllegalArgumentException("only a warm-start chain has more than one task, got " + tasks.size());
        }
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask t = tasks.get(i);
            if (!t.experiment().equals(experiment) || !t.model().equals(model)) {
                throw new IllegalArgumentException("task " + t.id() + " is not of " + experiment + "/" + model);
            }
            if (i > 0 && t.fold() <= tasks.get(i - 1).fold()) {
                throw new IllegalArgumentException("a chain's folds come in ascending order: " + t.id());
            }
        }
    }

    /** A name for messages: the task, or the chain's model and fold range. */
    public String describe() {
        return chain ? experiment + "/" + model + "/fold-" + String.format("%03d", tasks.get(0).fold()) + ".."
                + String.format("%03d", tasks.get(tasks.size() - 1).fold()) : tasks.get(0).id();
    }
}
