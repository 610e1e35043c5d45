package dev.foresight.spark;

import dev.foresight.run.engine.BatchSource;
import dev.foresight.run.engine.Engine;
import dev.foresight.run.engine.OutcomeSink;
import dev.foresight.run.engine.RunContext;
import dev.foresight.run.engine.TaskFile;
import dev.foresight.run.engine.TaskOutcome;
import dev.foresight.run.engine.UnitRunner;
import dev.foresight.run.engine.WorkUnit;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a batch's {@link WorkUnit}s as Spark tasks: one task per unit (a warm-start chain is one
 * task, run in fold order on one executor), one Spark job for the batch. Executors build a
 * {@link UnitRunner#remote} from the broadcast batch source and data and send back each unit's
 * task files as bytes; the driver hands each to the sink as its Spark task finishes
 * ({@code SparkContext.submitJob}'s result handler), not after a final collect, so the driver
 * writes results as they arrive and a killed driver loses only the units in flight.
 *
 * <p>Faults: a task that fails deterministically (the model throws) is a failed <em>outcome</em>,
 * computed inside the Spark task, so Spark never retries it; a Spark task that dies (its executor
 * lost, an {@link Error}) is retried up to {@code spark.task.maxFailures} times (2 unless set), on
 * another executor if there is one; a retried unit's results are delivered once (only a finished
 * Spark task's result reaches the handler). Speculative execution is off: a duplicate LSTM fit
 * would waste a core.
 */
final class SparkEngine implements Engine {

    private final SparkConf conf;
    private final int parallelism;
    private final PluginJars plugins;
    /** Each executor's latest report, by executor id (the calling thread only). */
    private final Map<String, Map<String, Object>> executors = new TreeMap<>();
    private String sparkVersion;

    /**
     * The settings recorded in the manifest when set (besides the master and {@code spark.task.cpus}):
     * those that change results' last bits (OpenMP threads) or say what the run had to work with.
     */
    static final List<String> RECORDED_SETTINGS = List.of("spark.executor.instances", "spark.executor.cores",
            "spark.executor.memory", "spark.executor.memoryOverhead", "spark.dynamicAllocation.enabled",
            "spark.task.maxFailures", "spark.speculation", "spark.executorEnv.OMP_NUM_THREADS",
            "spark.executorEnv.OMP_WAIT_POLICY");

    SparkEngine(SparkConf conf, int parallelism, PluginJars plugins) {
        this.conf = conf;
        this.parallelism = parallelism;
        this.plugins = plugins;
    }

    /**
     * The configuration for a run: what spark-submit or the caller set wins, except speculation,
     * which is always off. {@code master} applies when given; otherwise spark-submit's, or
     * {@code local[defaultThreads]} for an embedded run.
     */
    static SparkConf configure(SparkConf given, Optional<String> master, int defaultThreads) {
        SparkConf c = given.clone();
        master.ifPresent(c::setMaster);
        c.setIfMissing("spark.master", "local[" + defaultThreads + "]");
        c.setIfMissing("spark.app.name", "foresight");
        c.set("spark.speculation", "false");
        c.setIfMissing("spark.task.maxFailures", "2");
        // One task = one model fit on spark.task.cpus cores: ND4J's OpenMP pool sized to match,
        // passive waits (spinning OpenMP threads starve each other: see bench/lstm).
        String cpus = c.get("spark.task.cpus", "1");
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", cpus);
        c.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        return c;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /**
     * The manifest's {@code engine} block: Spark's version (when a context ran), the master, the
     * cores per task, the settings of {@link #RECORDED_SETTINGS} that are set, how many executors
     * computed units in this run, and their distinct runtimes (OpenMP environment, ND4J threads,
     * cores, Java), which must match the local workers' for byte-identical LSTM results.
     */
    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spark_version", sparkVersion);
        p.put("master", conf.get("spark.master"));
        p.put("task_cpus", Integer.parseInt(conf.get("spark.task.cpus", "1")));
        Map<String, String> settings = new TreeMap<>();
        for (String key : RECORDED_SETTINGS) {
            if (conf.contains(key)) {
                settings.put(key, conf.get(key));
            }
        }
        p.put("settings", settings);
        p.put("executors", executors.size());
        // distinct runtimes, in a stable order (executor ids and their number vary from run to run)
        Map<String, Map<String, Object>> distinct = new TreeMap<>();
        executors.values().forEach(r -> distinct.putIfAbsent(r.toString(), r));
        p.put("executor_runtimes", List.copyOf(distinct.values()));
        return p;
    }

    @Override
    public String toString() {
        return "Spark (" + conf.get("spark.master") + ")";
    }

    @Override
    public void execute(RunContext context, List<WorkUnit> units, OutcomeSink sink) throws InterruptedException {
        if (units.isEmpty()) {
            return;   // a fully cached re-run starts no Spark context
        }
        boolean existing = SparkContext$.MODULE$.getActive().isDefined();
        SparkContext spark = SparkContext.getOrCreate(conf);
        sparkVersion = spark.version();
        Path staging = null;
        try {
            // Plugin jars reach every executor (now and any started later) before the job's first task.
            staging = Files.createTempDirectory("foresight-plugin-jars");
            for (Path jar : plugins.jars(staging)) {
                spark.addJar(jar.toUri().toString());
            }
            run(new JavaSparkContext(spark), context, units, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the plugin jars for Spark", e);
        } finally {
            if (!existing) {
                spark.stop();   // ours; a context that was there before (a notebook's) stays
                deleteTree(staging);   // a context that stays may still serve the packed jars to new executors
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind: harmless
        }
    }

    private void run(JavaSparkContext sc, RunContext context, List<WorkUnit> units, OutcomeSink sink)
            throws InterruptedException {
        // Shipped once per executor, whatever the number of tasks; each distinct data set once.
        Broadcast<BatchSource> batch = sc.broadcast(context.batch());
        Map<String, Broadcast<byte[]>> byKey = new HashMap<>();
        HashMap<String, Broadcast<byte[]>> data = new HashMap<>();
        for (String experiment : context.experiments()) {
            String key = context.dataKey(experiment);
            data.put(experiment, byKey.computeIfAbsent(key, k -> sc.broadcast(context.marketData(k))));
        }
        String code = context.codeFingerprint();
        // This run's identity on the executors (broadcast ids restart with every context, so two runs
        // in one JVM — tests, a notebook — could share them).
        String run = UUID.randomUUID().toString();
        // One partition per unit, in the order given (largest first): Spark schedules them in order.
        JavaRDD<WorkUnit> rdd = sc.parallelize(units, units.size());
        Function1<Iterator<WorkUnit>, UnitResult> compute = (Function1<Iterator<WorkUnit>, UnitResult> & Serializable)
                it -> computeUnits(it, run, batch, data, code);
        BlockingQueue<UnitResult> arrived = new LinkedBlockingQueue<>();
        Function2<Object, UnitResult, BoxedUnit> handler = (partition, result) -> {
            arrived.add(result);   // on Spark's scheduler thread: only queue; the caller's thread delivers
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        var partitions = CollectionConverters.asScala(IntStream.range(0, units.size()).boxed().map(i -> (Object) i)
                .toList()).toSeq();
        @SuppressWarnings("unchecked")
        var job = sc.sc().submitJob(rdd.rdd(), compute, (scala.collection.immutable.Seq<Object>) partitions, handler,
                done);
        // The result handler runs before the job completes: once it has, every result is queued.
        int received = 0;
        try {
            while (received < units.size()) {
                UnitResult next = arrived.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    received++;
                    executors.put(next.executor().executorId(), next.executor().runtime());
                    for (TaskFile f : next.files()) {
                        sink.accept(TaskOutcome.of(f));
                    }
                } else if (job.isCompleted() && arrived.isEmpty()) {
                    scala.util.Try<?> outcome = job.value().get();
                    if (outcome.isFailure()) {
                        Throwable failure = outcome.failed().get();
                        throw new IllegalStateException("Spark gave up on the batch (" + received + " of " + units.size()
                                + " units finished and written; a re-run resumes from them): " + failure.getMessage(),
                                failure);
                    }
                    throw new IllegalStateException("the Spark job ended with " + received + " of " + units.size()
                            + " units' results");
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            job.cancel();   // Ctrl-C, or the driver could not take a result (a full disk...): stop computing
            throw e;
        } finally {
            // a context that outlives the run (a notebook's) keeps no copy of this batch's data
            batch.destroy();
            byKey.values().forEach(Broadcast::destroy);
        }
    }

    /** What a Spark task sends back: its unit's task files, and how the executor that computed them ran. */
    record UnitResult(ArrayList<TaskFile> files, ExecutorReport executor) implements Serializable {
    }

    /** On an executor: runs the partition's units (one) through the seam's remote runner. */
    private static UnitResult computeUnits(Iterator<WorkUnit> units, String run, Broadcast<BatchSource> batch,
                                           Map<String, Broadcast<byte[]>> data, String code) {
        UnitRunner runner = Runners.of(run, batch, code, data);
        ArrayList<TaskFile> out = new ArrayList<>();
        while (units.hasNext()) {
            out.addAll(runner.run(units.next()));
        }
        return new UnitResult(out, ExecutorReport.here());
    }

    /**
     * One remote runner per executor JVM and run (parsing, plugin discovery and the code check
     * once, each data set decoded once). Keyed by a random id per run: two runs of the same batch
     * text in a long-lived context (a notebook's) may differ in data or plugins, and runs in one JVM
     * reuse broadcast ids (they restart with each context), so neither the batch nor a broadcast id
     * identifies a run. The last few runs only: a long-lived executor runs many batches.
     */
    private static final class Runners {
        private static final int KEPT = 4;
        private static final Map<String, UnitRunner> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, UnitRunner> eldest) {
                return size() > KEPT;
            }
        };

        static UnitRunner of(String run, Broadcast<BatchSource> batch, String code,
                             Map<String, Broadcast<byte[]>> data) {
            synchronized (CACHE) {
                UnitRunner runner = CACHE.get(run);
                if (runner == null) {
                    runner = UnitRunner.remote(batch.value(), code, experiment -> data.get(experiment).value());
                    CACHE.put(run, runner);
                }
                return runner;
            }
        }
    }
}
