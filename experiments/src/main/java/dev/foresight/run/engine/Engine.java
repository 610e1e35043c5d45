package dev.foresight.run.engine;

import java.util.List;
import java.util.Map;

/**
 * Executes units of work. {@link LocalEngine} (a thread pool in this JVM) is the default; others
 * are found through {@link EngineProvider}. An engine owns where and how units run, and nothing
 * else: the driver plans, skips what is already stored, writes results and scores them.
 *
 * <p>What every engine guarantees:
 * <ul>
 *   <li><b>Units run as given.</b> A unit's tasks run in order, in one place, each fold of a
 *       warm-start chain after the previous one ({@link UnitRunner} does this); a unit is
 *       computed by {@link UnitRunner#run(WorkUnit, java.util.function.Consumer)} in this JVM or
 *       {@link UnitRunner#run(WorkUnit)} in a worker built by {@link UnitRunner#remote}, never by
 *       other code, so results are those of the local engine byte for byte.</li>
 *   <li><b>Outcomes as they come.</b> Every task's outcome reaches {@code sink} as soon as its
 *       unit (or, in this JVM, the fold) finishes — not all at the end — on the calling thread,
 *       one at a time, exactly once per task (a unit retried after a lost worker is delivered
 *       once). Then the driver writes it: a run stopped at any moment keeps every delivered
 *       task, and the next run resumes from there.</li>
 *   <li><b>Only the driver writes.</b> An engine never writes into the result directory; a
 *       task's result travels as the bytes of its file ({@link TaskFile}) and the driver's result
 *       store writes exactly those bytes.</li>
 *   <li><b>Failures are values.</b> A task that fails is a {@link TaskOutcome.Failed}, delivered
 *       like any other outcome, and is not retried (it would fail again); only a lost worker is a
 *       reason to run a unit again. A unit that throws — a user error found only while running,
 *       or a bug — stops {@code execute}, which rethrows it (the original exception, or one whose
 *       message names the unit) after abandoning the other units.</li>
 *   <li><b>Interruptible.</b> When the calling thread is interrupted (Ctrl-C), {@code execute}
 *       abandons the units in flight and throws {@link InterruptedException}.</li>
 * </ul>
 */
public interface Engine extends AutoCloseable {

    /** The name users choose it by ({@code --engine NAME}). */
    String name();

    /** How many units run at once, for the run's provenance and progress. */
    int parallelism();

    /**
     * Runs {@code units} (in the order given where the engine has a choice: largest first) and
     * returns when every task's outcome has been delivered to {@code sink}.
     */
    void execute(RunContext context, List<WorkUnit> units, OutcomeSink sink) throws InterruptedException;

    /**
     * The engine's settings that matter for reproducing the run (and what it saw of its workers,
     * e.g. their thread counts), for the manifest's {@code engine} block beside {@link #name()} and
     * {@link #parallelism()}. Called after {@link #execute}; JSON-friendly values, keys in a stable order.
     */
    default Map<String, Object> provenance() {
        return Map.of();
    }

    /** Releases the engine's resources (threads, a cluster connection). */
    @Override
    default void close() {
    }
}
