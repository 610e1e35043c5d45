package dev.foresight.run.engine;

import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.data.LookAheadException;
import dev.foresight.data.MarketData;
import dev.foresight.error.UserError;
import dev.foresight.result.CheckOutcome;
import dev.foresight.leakage.CheckPlan;
import dev.foresight.leakage.CheckedFold;
import dev.foresight.leakage.CheckedFoldRunner;
import dev.foresight.leakage.Isolation;
import dev.foresight.isolation.IsolatedLoader;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.pipeline.FoldChain;
import dev.foresight.pipeline.FoldFailure;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Computes units of work: the engine-agnostic entry point every engine calls, in the driver's JVM
 * ({@link RunContext#localRunner()}) or in a worker's ({@link #remote}). For each task of a unit,
 * in fold order, it builds the pipeline, runs the fold with its leakage checks, and turns the
 * outcome — or the failure — into the task file's bytes; a warm-start chain hands each fold's
 * fitted model to the next. Nothing is written: the driver's result store writes what this returns.
 *
 * <p>A fold that fails (an exception from a model or feature, a plugin that read the future) is a
 * {@link TaskOutcome.Failed}, never an exception: the batch goes on. A {@link UserError} (data the
 * batch cannot run on, found only now) or an {@link Error} propagates and stops the batch.
 *
 * <p>Thread-safe: units may run concurrently on one runner.
 */
public final class UnitRunner {

    private final Map<String, ExperimentSpec> experiments = new ConcurrentHashMap<>();
    private final Function<String, MarketData> data;
    private final Map<String, List<Fold>> folds = new ConcurrentHashMap<>();
    private final PluginSandbox sandbox;
    private final EpochListener epochs;

    private UnitRunner(BatchSpec batch, Function<String, MarketData> data, EpochListener epochs) {
        for (ExperimentSpec e : batch.experiments()) {
            experiments.put(e.name(), e);
        }
        this.data = data;
        this.sandbox = PluginSandbox.of(batch);
        this.epochs = Objects.requireNonNull(epochs, "epochs (use EpochListener.NONE)");
    }

    /**
     * The driver's runner, over the batch and data it loaded (experiment name → data); the tasks'
     * epochs go to {@code epochs}.
     */
    static UnitRunner local(BatchSpec batch, Map<String, MarketData> data, EpochListener epochs) {
        return new UnitRunner(batch, experiment -> {
            MarketData d = data.get(experiment);
            if (d == null) {
                throw new IllegalArgumentException("no data for experiment " + experiment);
            }
            return d;
        }, epochs);
    }

    /**
     * A runner in another JVM: parses {@code batch} with the plugins found there, checks that this
     * JVM runs the same code as the driver ({@code codeFingerprint}, from {@link
     * RunContext#codeFingerprint()}: other code could compute other results under the same cache
     * key), and decodes each experiment's data from {@code marketData} (experiment name → the
     * bytes of {@link RunContext#marketData}) when a unit first needs it. Epochs are not reported:
     * the driver's progress display is in another JVM.
     *
     * @throws IllegalStateException when the code differs from the driver's
     */
    public static UnitRunner remote(BatchSource batch, String codeFingerprint, Function<String, byte[]> marketData) {
        PluginRegistry plugins = PluginRegistry.discover();
        String here = CodeFingerprint.of(plugins);
        if (!here.equals(codeFingerprint)) {
            throw new IllegalStateException("this JVM runs other code than the driver (code fingerprint " + here
                    + ", driver " + codeFingerprint + "): deploy the same Foresight jar and plugin jars everywhere");
        }
        Map<String, MarketData> decoded = new ConcurrentHashMap<>();
        return new UnitRunner(batch.parse(plugins),
                experiment -> decoded.computeIfAbsent(experiment, x -> MarketDataCodec.decode(marketData.apply(x))),
                EpochListener.NONE);
    }

    /** Runs a unit, handing each task's outcome to {@code each} as soon as it is known (a chain fold by fold). */
    public void run(WorkUnit unit, Consumer<TaskOutcome> each) {
        ExperimentSpec e = experiment(unit.experiment());
        ModelSpec m = e.models().stream().filter(x -> x.label().equals(unit.model())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("experiment " + e.name() + " has no model " + unit.model()));
        MarketData market = data.apply(e.name());
        List<Fold> all = folds.computeIfAbsent(e.name(), x -> e.plan().folds(market.size(), e.target().instance().horizon()));
        FoldChain chain = null;
        // Plugin classes loaded afresh per unit (one task, or a warm-start chain whose folds hand
        // each other fitted models): no static state crosses from one unit to another.
        IsolatedLoader loader = sandbox.newLoader("task");
        for (PlannedTask task : unit.tasks()) {
            if (task.fold() >= all.size()) {
                throw new IllegalArgumentException(task.id() + ": the experiment has " + all.size() + " folds");
            }
            Pipeline pipeline = sandbox.pipeline(e, m, task.seed(), task.volatilitySeed(), loader);
            if (chain == null) {
                chain = new FoldChain(pipeline);
            }
            Fold fold = all.get(task.fold());
            Computed c = compute(task, e, m, pipeline, market, fold, all.size(), chain,
                    sandbox.isolation(e, m, task.seed(), loader), report -> epochs.epoch(task.id(), task.fold(), report));
            chain.fitted(fold, c.model());
            each.accept(c.outcome());
        }
    }

    /** Runs a unit and returns its tasks' files, in fold order: what a remote worker sends back. */
    public List<TaskFile> run(WorkUnit unit) {
        List<TaskFile> out = new ArrayList<>(unit.tasks().size());
        run(unit, o -> out.add(o.toFile()));
        return out;
    }

    private ExperimentSpec experiment(String name) {
        ExperimentSpec e = experiments.get(name);
        if (e == null) {
            throw new IllegalArgumentException("the batch has no experiment " + name);
        }
        return e;
    }

    /** A task's outcome, and its fitted model for the next fold of a chain (null when it failed). */
    private record Computed(TaskOutcome outcome, FittedModel model) {
    }

    private static Computed compute(PlannedTask task, ExperimentSpec e, ModelSpec m, Pipeline pipeline,
                                    MarketData market, Fold fold, int folds, FoldChain chain, Isolation isolation,
                                    FitProgress progress) {
        long t0 = System.nanoTime();
        // the windows this model fit on (the whole training window unless it uses the validation tail)
        FoldWindow window = FoldWindow.of(dev.foresight.pipeline.FoldRunner.modelFold(pipeline, fold), market);
        List<CheckOutcome> checks = new ArrayList<>();
        TaskResult result;
        FoldOutcome out = null;
        try {
            // previous() is null for a model that does not warm-start: its one-task unit runs fresh
            out = CheckedFoldRunner.run(market, pipeline, new CheckedFold(fold, CheckPlan.forRun(e.leakage(), folds),
                    task.seed(), chain.previous(), isolation, progress), checks);
            result = TaskResults.ok(task, e, m, window, out, checks, market);
        } catch (UserError ue) {
            throw ue;
        } catch (FoldFailure ff) {
            result = TaskResults.failed(task, e, m, window, ff.getMessage(), checks);
        } catch (LookAheadException la) {
            result = TaskResults.failed(task, e, m, window,
                    "fold " + fold.index() + ": a plugin read the future (" + la.getMessage() + ")", checks);
        } catch (RuntimeException ex) {
            StackTraceElement top = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
            result = TaskResults.failed(task, e, m, window, "fold " + fold.index() + ": " + ex.getClass().getSimpleName()
                    + ": " + ex.getMessage() + (top == null ? "" : " at " + top), checks);
        }
        byte[] json = ResultJson.bytes(result);
        if (!result.ok()) {
            return new Computed(new TaskOutcome.Failed(task, result, json,
                    new TaskTiming(0, 0, System.nanoTime() - t0)), null);
        }
        Objects.requireNonNull(out);
        return new Computed(new TaskOutcome.Computed(task, result, json,
                new TaskTiming(out.fitNanos(), out.predictNanos(), System.nanoTime() - t0)), out.model());
    }
}
