package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fully cached re-run whose inputs did not change keeps the summaries, manifest, results
 * database and report as they are — same bytes, never rewritten (their modification times are set
 * to 2001 before the re-run and must stay there) — and prints the same summary table. Anything
 * that changes what they are computed from, or the files themselves, and every one of them is
 * written again.
 */
class CurrentOutputsTest {

    /** The files a run derives from its results and keeps when they are current. */
    private static final List<String> DERIVED = List.of("summary.json", "summary.csv", "summary_regimes.csv",
            "risk.json", "summary_risk.csv", "manifest.json", "results.duckdb", "report.html", "metrics.csv",
            "results.json", "outputs.json");

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path batch() {
        return Cli.write(dir.resolve("b.yaml"), """
                name: current
                seed: 5
                data:
                  synthetic: {kind: gbm, bars: 600, seed: 2}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 3}]
                    walk_forward: {train: 300, test: 100}
                    leakage: {canary: true}
                    models:
                      - {kind: random-walk}
                      - {kind: ar, p: 2}
                """);
    }

    private Path ranOnce() {
        Path out = dir.resolve("out");
        Cli.Result first = Cli.run("run", batch(), "--out", out);
        assertEquals(Main.OK, first.code(), first.toString());
        assertTrue(first.err().contains("report written in"), first.err());
        return out;
    }

    /** Every derived file's bytes, after setting its modification time to {@link #LONG_AGO}. */
    private static Map<String, byte[]> agedSnapshot(Path out) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String f : DERIVED) {
            Path p = out.resolve(f);
            assertTrue(Files.isRegularFile(p), "a run writes " + f);
            bytes.put(f, Files.readAllBytes(p));
            Files.setLastModifiedTime(p, LONG_AGO);
        }
        return bytes;
    }

    private static List<String> rewritten(Path out) throws IOException {
        List<String> touched = new ArrayList<>();
        for (String f : DERIVED) {
            if (!Files.exists(out.resolve(f)) || !Files.getLastModifiedTime(out.resolve(f)).equals(LONG_AGO)) {
                touched.add(f);
            }
        }
        return touched;
    }

    @Test
    void unchangedRerun_keepsEveryDerivedFileUntouchedAndPrintsTheSameTable() throws Exception {
        Path out = ranOnce();
        String table = Cli.run("run", "-q", batch(), "--out", out).out();   // the table of a regenerating run...
        Map<String, byte[]> before = agedSnapshot(out);

        Cli.Result again = Cli.run("run", batch(), "--out", out);

        assertEquals(Main.OK, again.code(), again.toString());
        assertTrue(again.out().contains("6 tasks, 0 failed (6 reused from an earlier run)"), again.out());
        assertTrue(again.err().contains("are current"), again.err());
        assertFalse(again.err().contains("report written in"), again.err());
        assertEquals(List.of(), rewritten(out));
        before.forEach((f, bytes) -> assertArrayEquals(bytes, Cli.bytes(out.resolve(f)), f));
        assertEquals(table, Cli.run("run", "-q", batch(), "--out", out).out(), "...is the table a kept run prints");
        // timings.json says what this run did: every task reused
        assertTrue(Cli.read(out.resolve("timings.json")).contains("\"cached\" : true"));
    }

    @Test
    void editedTaskFile_regeneratesEveryDerivedFile() throws Exception {
        Path out = ranOnce();
        agedSnapshot(out);
        // Same cache key, so the task is reused as stored — but its bytes are not the ones the
        // summary was computed from.
        Path task = out.resolve("tasks/e/ar/fold-001.json");
        Files.writeString(task, Files.readString(task) + "\n");

        Cli.Result again = Cli.run("run", batch(), "--out", out);

        assertEquals(Main.OK, again.code(), again.toString());
        assertTrue(again.out().contains("(6 reused from an earlier run)"), again.out());
        assertTrue(again.err().contains("report written in"), again.err());
        assertEquals(DERIVED, rewritten(out));
    }

    @Test
    void recomputedTask_regeneratesEveryDerivedFile() throws Exception {
        Path out = ranOnce();
        Map<String, byte[]> before = agedSnapshot(out);
        Files.delete(out.resolve("tasks/e/random-walk/fold-000.json"));

        Cli.Result again = Cli.run("run", batch(), "--out", out);

        assertEquals(Main.OK, again.code(), again.toString());
        assertTrue(again.out().contains("(5 reused from an earlier run)"), again.out());
        assertEquals(DERIVED, rewritten(out));
        // the same task computed again: the same figures
        assertArrayEquals(before.get("summary.json"), Cli.bytes(out.resolve("summary.json")));
    }

    @Test
    void deletedReport_regeneratesEveryDerivedFile() throws Exception {
        Path out = ranOnce();
        agedSnapshot(out);
        Files.delete(out.resolve("report.html"));

        Cli.Result again = Cli.run("run", batch(), "--out", out);

        assertEquals(Main.OK, again.code(), again.toString());
        assertEquals(DERIVED, rewritten(out));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void editedSummary_isWrittenAgainWithTheComputedBytes() throws Exception {
        Path out = ranOnce();
        Map<String, byte[]> before = agedSnapshot(out);
        Files.writeString(out.resolve("summary.csv"), "edited by hand\n");

        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", out).code());

        assertEquals(DERIVED, rewritten(out));
        assertArrayEquals(before.get("summary.csv"), Cli.bytes(out.resolve("summary.csv")));
    }

    @Test
    void changedConfigOrCanaryOrStamp_regeneratesEveryDerivedFile() throws Exception {
        Path out = ranOnce();

        agedSnapshot(out);
        // another canary outcome than the one the summary read (its key kept, so it is reused as stored)
        Path canary = out.resolve("canary.json");
        Files.writeString(canary, Files.readString(canary) + "\n");
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", out).code());
        assertEquals(DERIVED, rewritten(out), "canary.json");

        agedSnapshot(out);
        // a stamp of another format, or of other inputs, vouches for nothing
        Path stamp = out.resolve("outputs.json");
        String text = Files.readString(stamp);
        Files.writeString(stamp, text.replaceFirst("\"format\" : 1", "\"format\" : 2"));
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", out).code());
        assertEquals(DERIVED, rewritten(out), "outputs.json of another format");

        agedSnapshot(out);
        text = Files.readString(stamp);
        String sha = text.replaceAll("(?s).*\"inputs_sha256\" : \"([0-9a-f]{64})\".*", "$1");
        Files.writeString(stamp, text.replace(sha, (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1)));
        assertEquals(Main.OK, Cli.run("run", "-q", batch(), "--out", out).code());
        assertEquals(DERIVED, rewritten(out), "outputs.json of other inputs");

        agedSnapshot(out);
        // a config change that recomputes nothing but the resolved config (a description)
        Cli.Result described = Cli.run("run", "-q", batch(), "--out", out, "--set", "description=another text");
        assertEquals(Main.OK, described.code(), described.toString());
        assertEquals(DERIVED, rewritten(out), "config.resolved.json");
    }

    @Test
    void freshRun_regeneratesEveryDerivedFile() throws Exception {
        Path out = ranOnce();
        agedSnapshot(out);
        assertEquals(Main.OK, Cli.run("run", "-q", "--fresh", batch(), "--out", out).code());
        assertEquals(DERIVED, rewritten(out));
    }
}
