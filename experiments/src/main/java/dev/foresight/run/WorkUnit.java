package dev.foresight.run;

import dev.foresight.result.ResolvedBatch;
import java.io.Serializable;
import java.util.List;

/**
 * A serialisable description of one unit of work — an independent task, or a warm-start chain of
 * folds run in order — that any JVM holding the same batch and data can execute
 * ({@link WorkUnits#execute}). {@code keys} are the tasks' cache keys as the planning JVM computed
 * them; the executing JVM recomputes and compares them, so a cluster running other code (another
 * jar, other plugins) fails loudly instead of filing results under keys they do not match.
 */
public record WorkUnit(String experiment, String model, List<Integer> folds, List<String> keys, long expectedCost)
        implements Serializable {

    public WorkUnit {
        folds = List.copyOf(folds);
        keys = List.copyOf(keys);
        if (folds.isEmpty() || folds.size() != keys.size()) {
            throw new IllegalArgumentException("a unit needs one key per fold: " + folds + " " + keys);
        }
    }

    /** A task's id as the task files and progress name it. */
    public String taskId(int i) {
        return experiment + "/" + model + "/fold-" + String.format("%03d", folds.get(i));
    }

    static WorkUnit of(BatchRunner.Job job, LoadedData data, ResolvedBatch resolved, String code) {
        BatchRunner.Task first = job.tasks().get(0);
        return new WorkUnit(first.experiment().name(), first.model().label(),
                job.tasks().stream().map(t -> t.fold().index()).toList(),
                job.tasks().stream().map(t -> BatchRunner.inputsSha(t, data, resolved, code)).toList(),
                job.expectedCost());
    }
}
