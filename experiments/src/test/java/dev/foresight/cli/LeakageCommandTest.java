package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.result.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin that leaks is caught by every run: exit 3 with the culprit and evidence,
 * {@code --allow-leaks} finishes and marks it, {@code foresight check} finds it without running
 * the batch. The same batch with an honest feature set passes.
 */
class LeakageCommandTest {

    @TempDir
    Path dir;

    private Path batch(String feature) {
        return Cli.write(dir.resolve("leaky.yaml"), """
                name: leaky
                seed: 3
                data:
                  synthetic: {kind: garch, bars: 700, seed: 4}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: %s}]
                    walk_forward: {train: 400, test: 100}
                    models:
                      - {kind: random-walk}
                      - {kind: linear, name: mine}
                """.formatted(feature));
    }

    @Test
    void leakageCommand_aLeakingPluginFailsTheRunWithExitThreeNamingItAndTheEvidence() {
        Cli.Result r = Cli.run("run", "-q", batch("leaky-zscore"), "--out", dir.resolve("out"));
        assertEquals(Main.LEAKAGE, r.code(), r.toString());
        assertTrue(r.err().contains("leakage check(s) failed"), r.err());
        assertTrue(r.err().contains("e/mine/fold-000: truncation-invariance failed for feature set leaky-zscore: "
                + "column 'price_z' at bar 400 ("), r.err());
        assertTrue(r.err().contains("full history"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace for a leak");
    }

    @Test
    void leakageCommand_allowLeaksFinishesAndMarksTheModelsAsLeaking() throws Exception {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", "-q", "--allow-leaks", batch("leaky-zscore"), "--out", out);
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.err().startsWith("warning: "), r.err());
        assertTrue(r.out().contains("LEAK: e/mine failed a leakage check"), r.out());
        JsonNode summary = ResultJson.mapper().readTree(out.resolve("summary.json").toFile());
        for (JsonNode row : summary.path("rows")) {
            assertEquals("LEAKING", row.path("checks").asText(), row.toString());
        }
        JsonNode task = ResultJson.mapper().readTree(out.resolve("tasks/e/mine/fold-000.json").toFile());
        assertTrue(task.path("checks").toString().contains("\"status\":\"failed\""), task.path("checks").toString());
    }

    @Test
    void check_findsTheLeakWithoutWritingAnything() throws Exception {
        Cli.Result r = Cli.run("check", batch("leaky-zscore"));
        assertEquals(Main.LEAKAGE, r.code(), r.toString());
        assertTrue(r.out().contains("FAIL truncation-invariance"), r.out());
        assertTrue(r.out().contains("feature set leaky-zscore: column 'price_z'"), r.out());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "check writes nothing besides the batch file");
        }
    }

    @Test
    void leakageCommand_theSameBatchWithAnHonestFeatureSetPasses() {
        Cli.Result check = Cli.run("check", batch("rsi"));
        assertEquals(Main.OK, check.code(), check.toString());
        assertTrue(check.out().endsWith("all leakage checks passed\n"), check.out());
        Cli.Result run = Cli.run("run", "-q", batch("rsi"), "--out", dir.resolve("ok"));
        assertEquals(Main.OK, run.code(), run.toString());
    }
}
