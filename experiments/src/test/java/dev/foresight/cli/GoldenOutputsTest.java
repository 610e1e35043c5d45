package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Example batches write the result files they wrote before the run was split into typed stages,
 * byte for byte ({@link GoldenOutputs}). The quickstart is pinned by {@link QuickstartTest} on its
 * own run; the grid example here; the longer examples in the {@code slow} group that
 * {@code .ci/run} runs after the main suite.
 */
class GoldenOutputsTest {

    @Test
    void gridExample_writesTheRecordedBytes(@TempDir Path tmp) {
        Path out = tmp.resolve("grid");
        Cli.Result r = Cli.run("run", Path.of("grid-example.yaml"), "--out", out, "-q", "--workers", "2");
        assertEquals(Main.OK, r.code(), r.toString());
        GoldenOutputs.assertMatches("grid-example", out);
    }

    /**
     * Re-records the digests from finished result directories:
     * {@code -Dgolden.record=DIR -Dtest=GoldenOutputsTest#digests_recordFromDirectory}, where DIR holds one
     * result directory per batch, named after it.
     */
    @Test
    @EnabledIfSystemProperty(named = "golden.record", matches = ".+")
    void digests_recordFromDirectory() throws java.io.IOException {
        Path from = Path.of(System.getProperty("golden.record"));
        try (var dirs = java.nio.file.Files.list(from)) {
            for (Path dir : dirs.filter(java.nio.file.Files::isDirectory).toList()) {
                GoldenOutputs.record(dir, Path.of("src/test/resources/golden", dir.getFileName() + ".sha256"));
            }
        }
    }

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"regimes", "features", "lstm-smoke"})
    void longerExample_writesTheRecordedBytes(String batch, @TempDir Path tmp) {
        Path out = tmp.resolve(batch);
        Cli.Result r = Cli.run("run", Path.of(batch + ".yaml"), "--out", out, "-q");
        assertEquals(Main.OK, r.code(), r.toString());
        GoldenOutputs.assertMatches(batch, out);
    }
}
