package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
