package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The README's promise about {@code kill -9}, tested for real: {@code foresight run} in a separate
 * JVM is killed with SIGKILL ({@link Process#destroyForcibly()}) while its workers are writing task
 * files; every file it left parses (none is half-written), and a re-run into the same directory
 * reuses the finished tasks, computes the rest and ends byte-identical to an uninterrupted run
 * elsewhere: task files, summaries, {@code metrics.csv} and {@code results.json}, and no other file
 * left over (no temporary file, no stray task). Only {@code manifest.json}, {@code timings.json} and
 * {@code report.html} (which shows when it was generated) may differ.
 */
class KillAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Files that differ between any two runs: times of day or durations (the directory's marker records
     * when Foresight created it), the lock file (it names the process that held it) and the results database (DuckDB's file bytes are not stable;
     * ResultsDatabaseTest checks its content against the task files).
     */
    private static final List<String> TIMED = dev.foresight.result.Reproducibility.VARYING_FILES;

    /** Files the README promises byte-identical for the same inputs (checked by name, so none can go missing). */
    private static final List<String> REPORT_DATA = List.of("config.resolved.json", "summary.json", "summary.csv",
            "summary_regimes.csv", "metrics.csv", "results.json");

    /**
     * Fast models only (no DL4J): AR, elastic net and XGBoost on a GBM series, with a regime
     * detector so {@code summary_regimes.csv} has rows: {@code folds} rolling folds of 300
     * training and 60 test bars, three models, so 3 × folds tasks of some tens of ms each.
     */
    private static String batch(int folds) {
        return """
                name: kill
                seed: 13
                data:
                  synthetic: {kind: gbm, bars: %d, seed: 4}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 3}, {kind: realized-vol, windows: [5]}]
                    walk_forward: {window: rolling, train: 300, test: 60, max_folds: %d}
                    regimes: [{kind: volatility, window: 10}]
                    models:
                      - {kind: ar, p: 2}
                      - {kind: linear}
                      - {kind: xgboost, trees: 60, max_depth: 3}
                """.formatted(300 + 1 + 60 * folds + 1, folds);
    }

    @Test
    void killedWithSigkillMidBatch_resumesToByteIdenticalResults(@TempDir Path tmp) throws Exception {
        // Kill once a third of the task files exist. Should a (very fast) machine finish before that, the
        // batch is made bigger and tried again, rather than the test passing without a kill.
        for (int folds = 14; folds <= 112; folds *= 2) {
            Path attempt = Files.createDirectories(tmp.resolve("folds-" + folds));
            Path batch = Cli.write(attempt.resolve("kill.yaml"), batch(folds));
            Path killed = attempt.resolve("killed");
            int total = 3 * folds;
            Kill kill = runAndKill(batch, killed, attempt.resolve("killed.log"), total / 3, total);
            if (kill == null) {
                continue;   // finished before the kill: a bigger batch
            }
            System.out.printf("KillAndResumeTest: killed with %d of %d task files written%n", kill.tasksLeft(), total);
            assertFinishedFilesAreWhole(killed);
            assertTrue(kill.tasksLeft() > 0 && kill.tasksLeft() < total,
                    "killed mid-batch: " + kill.tasksLeft() + " of " + total + " task files");

            Path whole = attempt.resolve("whole");
            Cli.Result reference = Cli.run("run", "-q", batch, "--out", whole, "--workers", "1");
            assertEquals(Main.OK, reference.code(), reference.toString());
            assertTrue(reference.out().contains(total + " tasks, 0 failed; results"), reference.out());

            Cli.Result resumed = Cli.run("run", "-q", batch, "--out", killed, "--workers", "2");
            assertEquals(Main.OK, resumed.code(), resumed.toString());
            Matcher m = Pattern.compile(total + " tasks, 0 failed \\((\\d+) reused from an earlier run\\)")
                    .matcher(resumed.out());
            assertTrue(m.find(), "the re-run resumes:\n" + resumed);
            int reused = Integer.parseInt(m.group(1));
            assertTrue(reused >= kill.tasksLeft() && reused < total,
                    "every task file the killed run finished is reused (" + kill.tasksLeft() + " left, " + reused
                            + " reused of " + total + ")");

            assertSameResults(whole, killed);
            return;
        }
        fail("even the biggest batch finished before it could be killed");
    }

    /** The task files a kill left behind, or null when the run finished first. */
    private record Kill(int tasksLeft) {
    }

    /**
     * Starts {@code foresight run} in its own JVM (this JVM's java and class path), waits until at
     * least {@code atLeast} task files exist and kills it with SIGKILL. Null if it ended by itself
     * or wrote every task file before the kill.
     */
    private static Kill runAndKill(Path batch, Path out, Path log, int atLeast, int total) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "-q", batch.toString(), "--out", out.toString(), "--workers", "2");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    assertEquals(Main.OK, p.exitValue(), "the run to be killed failed by itself:\n" + Files.readString(log));
                    return null;
                }
                if (taskFiles(out).size() >= atLeast) {
                    break;
                }
                Thread.sleep(5);
            }
            assertTrue(p.isAlive(), "the run to be killed was not killed in time");
            p.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hook, no finally block runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed JVM did not go away");
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertFalse(p.exitValue() == Main.OK, "killed, not finished: exit " + p.exitValue());
        int left = taskFiles(out).size();
        if (left >= total) {
            return null;   // every task written just before the kill: nothing to resume
        }
        return new Kill(left);
    }

    private static List<Path> taskFiles(Path out) throws IOException {
        Path tasks = out.resolve("tasks");
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        try (var walk = Files.walk(tasks)) {
            return walk.filter(p -> p.getFileName().toString().matches("fold-\\d{3}\\.json")).toList();
        } catch (UncheckedIOException e) {
            return List.of();   // a directory appeared or vanished while walking: poll again
        }
    }

    /** Every JSON file the killed run left parses, and every task file is a finished result. */
    private static void assertFinishedFilesAreWhole(Path out) throws IOException {
        List<String> names = Cli.files(out);
        assertFalse(names.isEmpty());
        for (String f : names) {
            if (!f.endsWith(".json")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(out.resolve(f).toFile());
            } catch (IOException e) {
                throw new AssertionError(f + " was left half-written by the kill", e);
            }
            if (f.startsWith("tasks/")) {
                assertEquals("ok", node.path("status").asText(), f);
                assertTrue(node.path("inputsSha256").asText().matches("[0-9a-f]{64}"), f);
            }
        }
    }

    private static void assertSameResults(Path whole, Path resumed) {
        List<String> expected = new ArrayList<>(Cli.files(whole));
        expected.removeAll(TIMED);
        List<String> actual = new ArrayList<>(Cli.files(resumed));
        actual.removeAll(TIMED);
        assertEquals(expected, actual, "the same files, and nothing left over from the kill");
        assertTrue(expected.containsAll(REPORT_DATA), "report data written: " + expected);
        for (String f : expected) {
            assertArrayEquals(Cli.bytes(whole.resolve(f)), Cli.bytes(resumed.resolve(f)), f + " differs after the resume");
        }
        for (String f : List.of("manifest.json", "timings.json", "report.html", "results.duckdb")) {
            assertTrue(Files.isRegularFile(resumed.resolve(f)), f);
        }
    }
}
