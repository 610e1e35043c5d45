package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.foresight.cli.Main;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed (SIGKILL) mid-batch loses only the tasks in flight: it wrote each result as it
 * arrived, so a re-run into the same directory reuses every finished task, computes the rest on
 * Spark, and ends byte-identical to an uninterrupted run of the local thread pool.
 */
class DriverKillTest {

    @Test
    void driverKilledMidBatch_resumesOnSparkToByteIdenticalResults(@TempDir Path tmp) throws Exception {
        Path batch = Runs.write(tmp.resolve("faults.yaml"), FaultBatch.YAML);
        Path out = tmp.resolve("killed");
        int left = runDriverAndKill(batch, out, tmp.resolve("driver.log"));

        Runs.Result local = Runs.foresight("run", "-q", batch, "--out", tmp.resolve("local"), "--engine", "local",
                "--workers", "2");
        assertEquals(Main.TASKS_FAILED, local.code(), local.toString());

        Runs.Result resumed = Runs.foresight("run", "-q", batch, "--out", out, "--master", "local[2]");
        assertEquals(Main.TASKS_FAILED, resumed.code(), resumed.toString());
        Matcher m = Pattern.compile(FaultBatch.TASKS + " tasks, " + FaultBatch.FAILED
                + " failed \\((\\d+) reused from an earlier run\\)").matcher(resumed.out());
        assertTrue(m.find(), "the re-run resumes:\n" + resumed);
        int reused = Integer.parseInt(m.group(1));
        System.out.printf("DriverKillTest: killed with %d task files written; %d reused%n", left, reused);
        assertTrue(reused > 0 && reused < FaultBatch.TASKS, "finished tasks reused, the rest computed: " + reused);
        Runs.assertSameResults(tmp.resolve("local"), out);
    }

    /**
     * Starts the Spark launcher's main class in its own JVM on {@code local[2]}, waits for a third
     * of the task files and kills it with SIGKILL; returns how many task files it left.
     */
    private static int runDriverAndKill(Path batch, Path out, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the Java 17 flags Spark needs, as this JVM got them from Surefire's argLine
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect")) {
                command.add(a);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkMain.class.getName(),
                "run", "-q", batch.toString(), "--out", out.toString(), "--master", "local[2]"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            while (Runs.taskFiles(out).size() < FaultBatch.TASKS / 3) {
                if (!p.isAlive()) {
                    fail("the driver ended before it could be killed (exit " + p.exitValue() + "):\n"
                            + Files.readString(log));
                }
                Thread.sleep(20);
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed driver did not go away");
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
        }
        int left = Runs.taskFiles(out).size();
        assertTrue(left < FaultBatch.TASKS, "killed mid-batch, " + left + " of " + FaultBatch.TASKS + " task files");
        return left;
    }
}
