package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.cli.Main;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on a real multi-process cluster — {@code local-cluster[2,1,1024]}: a master and
 * two workers in this JVM, two executor JVMs — with one executor killed (SIGKILL) while it runs
 * tasks: Spark reruns the lost tasks elsewhere (a bounded number of times), the batch completes,
 * and every result file is byte-identical to the local thread pool's.
 */
class SparkClusterTest {

    @Test
    void executorKilledMidBatch_batchCompletesByteIdenticalToTheLocalEngine(@TempDir Path tmp) throws Exception {
        Path batch = Runs.write(tmp.resolve("faults.yaml"), FaultBatch.YAML);
        Runs.Result local = Runs.foresight("run", "-q", batch, "--out", tmp.resolve("local"), "--engine", "local",
                "--workers", "2");
        assertEquals(Main.TASKS_FAILED, local.code(), local.toString());

        Path out = tmp.resolve("cluster");
        SparkConf conf = Clusters.localCluster(2, 1024).set("spark.extraListeners", TaskAttempts.class.getName());
        TaskAttempts.reset();
        Runs.Result cluster;
        long killed;
        try (SparkProperties ignored = SparkProperties.of(conf)) {
            CompletableFuture<Runs.Result> run = CompletableFuture.supplyAsync(() -> Runs.foresight("run", "-q", batch,
                    "--out", out, "--master", conf.get("spark.master")));
            killed = killAnExecutorOnceTasksAreFinishing(out, run);
            cluster = run.get(20, TimeUnit.MINUTES);
        }
        assertEquals(Main.TASKS_FAILED, cluster.code(), cluster.toString());
        assertTrue(cluster.out().contains(FaultBatch.TASKS + " tasks, " + FaultBatch.FAILED + " failed; results"),
                cluster.out());
        Runs.assertSameResults(tmp.resolve("local"), out);
        System.out.printf("SparkClusterTest: killed executor %d; %d task attempts ended, %d failed%n", killed,
                TaskAttempts.ENDED.get(), TaskAttempts.FAILED.get());
        assertTrue(TaskAttempts.FAILED.get() >= 1, "the kill cost at least one task attempt (it hit a running task)");
        assertEquals(FaultBatch.UNITS, TaskAttempts.ENDED.get() - TaskAttempts.FAILED.get(),
                "each unit succeeded once, the deterministic failures included (they are results, not retries)");

        // Provenance: the executors that computed units, each with one OpenMP thread and ND4J on one thread.
        JsonNode engine = Runs.manifest(out).path("engine");
        assertEquals(conf.get("spark.master"), engine.path("master").asText(), engine.toString());
        // The count is of executors whose results came back: the killed one may have died in its first task, and a
        // quiet machine may let the survivor and the replacement do all the work, so at least one, not necessarily two.
        assertTrue(engine.path("executors").asInt() >= 1, "the executors that computed are counted: " + engine);
        for (JsonNode runtime : engine.path("executor_runtimes")) {
            assertEquals("1", runtime.path("omp_num_threads").asText(), engine.toString());
        }
        assertTrue(StreamSupport.stream(engine.path("executor_runtimes").spliterator(), false)
                .anyMatch(r -> r.path("nd4j").path("threads").asInt() == 1), "an executor ran LSTMs on one ND4J thread: "
                + engine);
    }

    /**
     * Waits until a few task files exist (the executors are busy), then kills one executor JVM with
     * SIGKILL; returns its pid.
     */
    private static long killAnExecutorOnceTasksAreFinishing(Path out, CompletableFuture<Runs.Result> run)
            throws InterruptedException {
        while (Runs.taskFiles(out).size() < 3) {
            assertFalse(run.isDone(), () -> "the batch ended before an executor could be killed: " + run.join());
            Thread.sleep(20);
        }
        List<ProcessHandle> executors = Executors.running();
        assertEquals(2, executors.size(), "two executor JVMs: " + executors);
        assertTrue(Runs.taskFiles(out).size() < FaultBatch.TASKS, "killed mid-batch");
        ProcessHandle victim = executors.get(0);
        victim.destroyForcibly();   // SIGKILL: no shutdown hook, the task in flight is simply lost
        return victim.pid();
    }
}
