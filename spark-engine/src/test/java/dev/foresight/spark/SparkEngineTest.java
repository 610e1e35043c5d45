package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.cli.Main;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code foresight run --engine spark --master local[2]} against the local thread pool: the same
 * task files, summaries, {@code metrics.csv} and {@code results.json}, byte for byte; only the
 * manifest (which engine ran), the timings and the report's generation time differ.
 */
class SparkEngineTest {

    @Test
    void exampleBatch_onLocal2_isByteIdenticalToTheLocalEngine(@TempDir Path tmp) {
        Path batch = Path.of("..", "experiments", "lstm-smoke.yaml");
        Runs.Result local = Runs.foresight("run", "-q", batch, "--out", tmp.resolve("local"), "--workers", "2",
                "--engine", "local");
        assertEquals(Main.OK, local.code(), local.toString());
        Runs.Result spark = Runs.foresight("run", "-q", batch, "--out", tmp.resolve("spark"), "--master", "local[2]");
        assertEquals(Main.OK, spark.code(), spark.toString());
        Runs.assertSameResults(tmp.resolve("local"), tmp.resolve("spark"));
        assertEquals(local.out().replace(tmp.resolve("local").toString(), "OUT"),
                spark.out().replace(tmp.resolve("spark").toString(), "OUT"), "the same summary table and closing lines");

        // Provenance: which engine, and the threads ND4J ran with where the LSTMs ran.
        JsonNode localEngine = Runs.manifest(tmp.resolve("local")).path("engine");
        assertEquals("local", localEngine.path("name").asText());
        assertEquals(2, localEngine.path("parallelism").asInt());
        JsonNode engine = Runs.manifest(tmp.resolve("spark")).path("engine");
        assertEquals("spark", engine.path("name").asText(), engine.toString());
        assertEquals("local[2]", engine.path("master").asText(), engine.toString());
        assertEquals(1, engine.path("task_cpus").asInt(), engine.toString());
        assertEquals("1", engine.path("settings").path("spark.executorEnv.OMP_NUM_THREADS").asText(), engine.toString());
        assertTrue(engine.path("spark_version").asText().startsWith("3.5."), engine.toString());
        assertEquals(1, engine.path("executors").asInt(), "embedded: the driver is the executor; " + engine);
        JsonNode runtime = engine.path("executor_runtimes").get(0);
        assertEquals("1", runtime.path("omp_num_threads").asText(), engine.toString());
        assertTrue(runtime.path("nd4j").path("loaded").asBoolean(), "the LSTMs loaded ND4J: " + engine);
        assertEquals(1, runtime.path("nd4j").path("threads").asInt(), engine.toString());
        assertEquals(Runs.manifest(tmp.resolve("local")).path("runtime").path("nd4j"), runtime.path("nd4j"),
                "the same ND4J settings as the local engine's workers");
    }

    @Test
    void failedTasksAndWarmStartChains_onLocal2_matchTheLocalEngine_andARerunReusesEveryFinishedTask(@TempDir Path tmp)
            throws Exception {
        Path batch = Runs.write(tmp.resolve("faults.yaml"), FaultBatch.YAML);
        Runs.Result local = Runs.foresight("run", "-q", batch, "--out", tmp.resolve("local"), "--engine", "local",
                "--workers", "2");
        assertEquals(Main.TASKS_FAILED, local.code(), local.toString());
        Path out = tmp.resolve("spark");
        Runs.Result spark = Runs.foresight("run", "-q", batch, "--out", out, "--engine", "spark", "--master", "local[2]");
        assertEquals(Main.TASKS_FAILED, spark.code(), spark.toString());
        assertTrue(spark.out().contains(FaultBatch.TASKS + " tasks, " + FaultBatch.FAILED + " failed; results"),
                spark.out());
        Runs.assertSameResults(tmp.resolve("local"), out);

        // Finished tasks are not sent to Spark again; failed ones are (the failure may have been transient).
        Runs.Result again = Runs.foresight("run", "-q", batch, "--out", out, "--master", "local[2]");
        assertEquals(Main.TASKS_FAILED, again.code(), again.toString());
        assertTrue(again.out().contains("(" + (FaultBatch.TASKS - FaultBatch.FAILED) + " reused from an earlier run)"),
                again.out());
        Runs.assertSameResults(tmp.resolve("local"), out);
    }

    @Test
    void unknownEngineOrOption_isAUserError(@TempDir Path tmp) {
        Path batch = Runs.write(tmp.resolve("faults.yaml"), FaultBatch.YAML);
        Runs.Result unknown = Runs.foresight("run", batch, "--engine", "flink");
        assertEquals(Main.USER_ERROR, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("no engine 'flink'") && unknown.err().contains("spark"), unknown.err());
    }
}
