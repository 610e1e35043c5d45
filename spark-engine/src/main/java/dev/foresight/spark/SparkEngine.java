package dev.foresight.spark;

import dev.foresight.run.Engine;
import dev.foresight.run.LoadedData;
import dev.foresight.run.WorkUnit;
import dev.foresight.run.WorkUnits;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import org.apache.spark.SparkContext$;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a batch's {@link WorkUnit}s as Spark tasks: one task per unit (a warm-start chain is one
 * task, run in fold order on one executor), one Spark job for the batch. The executors compute and
 * send back each unit's task files as bytes; the driver hands each to the runner as its task
 * finishes ({@code SparkContext.submitJob}'s result handler), not after a final collect, so the
 * runner writes results as they arrive and a killed driver loses only the units in flight.
 *
 * <p>Faults: a task that fails deterministically (the model throws) is a failed <em>result</em>,
 * computed inside the Spark task, so Spark never retries it; a Spark task that dies (its executor
 * lost, an {@link Error}) is retried up to {@code spark.task.maxFailures} times (2 unless set), on
 * another executor if there is one. Speculative execution is off: a duplicate LSTM fit would waste
 * a core and its result would be thrown away.
 */
final class SparkEngine implements Engine {

    private final BatchSource source;
    private final SparkConf conf;

    SparkEngine(BatchSource source, SparkConf conf) {
        this.source = source;
        this.conf = conf;
    }

    /**
     * The configuration for a run: what spark-submit or the caller set wins, except speculation,
     * which is always off. {@code master} applies when given; otherwise spark-submit's, or
     * {@code local[defaultThreads]} for an embedded run.
     */
    static SparkConf configure(SparkConf given, java.util.Optional<String> master, int defaultThreads) {
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
    public String toString() {
        return "Spark (" + conf.get("spark.master") + ")";
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name());
        p.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        p.put("master", conf.get("spark.master"));
        for (String key : List.of("spark.task.cpus", "spark.executor.cores", "spark.task.maxFailures",
                "spark.executorEnv.OMP_NUM_THREADS", "spark.executorEnv.OMP_WAIT_POLICY")) {
            p.put(key, conf.get(key, null));
        }
        return p;
    }

    @Override
    public void execute(Work work, Consumer<Computed> sink) {
        boolean existing = SparkContext$.MODULE$.getActive().isDefined();
        SparkContext context = SparkContext.getOrCreate(conf);
        try {
            run(new JavaSparkContext(context), work, sink);
        } finally {
            if (!existing) {
                context.stop();   // ours; a context that was there before (a notebook's) stays
            }
        }
    }

    private void run(JavaSparkContext sc, Work work, Consumer<Computed> sink) {
        // Shipped once per executor, whatever the number of tasks.
        Broadcast<BatchSource> batch = sc.broadcast(source);
        Map<String, Broadcast<ShippedData>> data = new LinkedHashMap<>();
        for (Map.Entry<String, LoadedData> e : work.data().entrySet()) {
            data.put(e.getKey(), sc.broadcast(ShippedData.of(e.getValue())));
        }
        List<WorkUnit> units = work.units();
        // One partition per unit, in the runner's order (largest first): Spark schedules them in order.
        JavaRDD<WorkUnit> rdd = sc.parallelize(units, units.size());
        String code = work.codeFingerprint();
        Function1<Iterator<WorkUnit>, ArrayList<Computed>> compute = (Function1<Iterator<WorkUnit>, ArrayList<Computed>>
                & Serializable) it -> computeUnits(it, batch, data, code);

        BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
        Function2<Object, ArrayList<Computed>, BoxedUnit> handler = (partition, results) -> {
            arrived.add(results);   // on Spark's scheduler thread: only queue, the runner's thread writes
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
                Object next = arrived.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    received++;
                    for (Object r : (ArrayList<?>) next) {
                        sink.accept((Computed) r);
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
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            job.cancel();   // the runner could not take a result (a full disk...): stop computing
            throw e;
        } finally {
            // a context that outlives the run (a notebook's) keeps no copy of this batch's data
            batch.destroy();
            data.values().forEach(Broadcast::destroy);
        }
    }

    /** On an executor: runs the partition's units (one) through the same code as the local pool. */
    private static ArrayList<Computed> computeUnits(Iterator<WorkUnit> units, Broadcast<BatchSource> batch,
                                                    Map<String, Broadcast<ShippedData>> data, String code) {
        ArrayList<Computed> out = new ArrayList<>();
        while (units.hasNext()) {
            WorkUnit unit = units.next();
            LoadedData loaded = Loaded.of(data.get(unit.experiment()));
            WorkUnits.execute(batch.value().parse(), unit, loaded, code, out::add);
        }
        return out;
    }

    /**
     * The rebuilt data, once per executor JVM and broadcast value. Weak keys: the entry goes when
     * Spark drops the broadcast (a long-lived executor runs many batches); keyed by the value, not
     * the broadcast id, which restarts with every SparkContext in the same JVM.
     */
    private static final class Loaded {
        private static final Map<ShippedData, LoadedData> CACHE =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        static LoadedData of(Broadcast<ShippedData> b) {
            return CACHE.computeIfAbsent(b.value(), ShippedData::toLoaded);
        }
    }
}
