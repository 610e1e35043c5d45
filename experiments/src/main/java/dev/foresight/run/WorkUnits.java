package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.walkforward.Fold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine-agnostic entry point: executes a {@link WorkUnit} on whatever JVM calls it, with the
 * same code path as the local pool, and hands back each task's file bytes. Writes nothing.
 */
public final class WorkUnits {

    private WorkUnits() {
    }

    /**
     * Runs {@code unit}'s tasks in fold order (a warm-start chain from its first fold) and hands
     * each finished one to {@code out}. A task that fails is a failed result, not an exception;
     * what is thrown is a bug or a unit that does not belong to this batch, data and code.
     */
    public static void execute(BatchSpec batch, WorkUnit unit, LoadedData data, String codeFingerprint,
                               Consumer<Engine.Computed> out) {
        ExperimentSpec e = batch.experiments().stream().filter(x -> x.name().equals(unit.experiment())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no experiment " + unit.experiment() + " in " + batch.name()));
        ModelSpec m = e.models().stream().filter(x -> x.label().equals(unit.model())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + unit.model() + " in " + e.name()));
        List<Fold> folds = Plans.folds(e, data.market());
        boolean chained = m.model().instance().warmStarts();
        List<BatchRunner.Task> tasks = new ArrayList<>();
        List<BatchRunner.Task> chain = new ArrayList<>();
        for (Fold f : folds) {
            BatchRunner.Task task = new BatchRunner.Task(e, m, f, folds.size(), BatchRunner.seed(batch, e, m, f), chained,
                    chained ? List.copyOf(chain) : List.of());
            chain.add(task);
            if (unit.folds().contains(f.index())) {
                tasks.add(task);
            }
        }
        if (tasks.size() != unit.folds().size()) {
            throw new IllegalArgumentException("unit " + unit.taskId(0) + ": folds " + unit.folds() + " not all planned");
        }
        ResolvedBatch resolved = ResolvedConfig.of(batch);
        for (int i = 0; i < tasks.size(); i++) {
            String key = BatchRunner.inputsSha(tasks.get(i), data, resolved, codeFingerprint);
            if (!key.equals(unit.keys().get(i))) {
                throw new IllegalStateException("task " + unit.taskId(i) + " has another cache key here than where it "
                        + "was planned: the executing JVM runs other code, batch or data");
            }
        }
        ResultDirectory relative = new ResultDirectory(Path.of(""));
        // the same plugin isolation as the local pool: classes loaded afresh per unit
        BatchRunner.run(new BatchRunner.Job(tasks), data, resolved, codeFingerprint, PluginSandbox.of(batch),
                x -> out.accept(new Engine.Computed(
                relative.task(e.name(), m.label(), x.task().fold().index()).toString(),
                ResultJson.bytes(x.done().result()), x.done().fitNanos(), x.done().predictNanos(), x.done().totalNanos())));
    }
}
