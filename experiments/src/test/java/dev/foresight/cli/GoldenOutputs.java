package dev.foresight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Pins a run's result files to the bytes the code wrote when the digests under
 * {@code src/test/resources/golden/} were recorded. The engine seam was proved byte-identical
 * against digests of the code at 2e26896 (quickstart, grid-example, regimes, features, lstm-smoke,
 * direction); after merging main, whose other changes (execution, LSTM recipe, risk files) change
 * results on purpose, grid-example was re-recorded from the merged code (the database file
 * {@code results.duckdb} is not pinned): task files, {@code config.resolved.json}, {@code canary.json}, the summaries,
 * {@code metrics.csv} and {@code results.json}. The manifest, the timings and the report page hold
 * clocks and paths and are left out.
 *
 * <p>Two things are left out of the comparison because they change by design with the code or the
 * machine, not with the results: the {@code inputsSha256} lines of task files and {@code
 * canary.json} (a cache key includes the code's fingerprint, so a code change recomputes every
 * task), and the {@code foresight} and {@code runtime} blocks of {@code results.json}'s provenance
 * (commit, Java and library versions, ND4J threads) and the batch file's path as typed there. Every
 * other byte is compared.
 *
 * <p>SHA-256 digests rather than copies of the files keep the repository small (the quickstart's
 * task files are 13 MB). A mismatch lists every file that differs, is missing or is new; rerun the
 * batch with the recorded commit to see the difference. Re-record only for an intended change of
 * results (and say so in the commit): {@code sha256sum} over the files, sorted by path.
 */
final class GoldenOutputs {

    private GoldenOutputs() {
    }

    /** Files never pinned: they hold wall-clock times, the command line or the report's creation time. */
    private static final List<String> UNPINNED = dev.foresight.result.Reproducibility.VARYING_FILES;

    static void assertMatches(String batch, Path dir) {
        Map<String, String> expected = expected(batch);
        Map<String, String> actual = digests(dir);
        List<String> problems = new ArrayList<>();
        expected.forEach((file, sha) -> {
            String got = actual.get(file);
            if (got == null) {
                problems.add("missing: " + file);
            } else if (!got.equals(sha)) {
                problems.add("differs: " + file);
            }
        });
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> problems.add("new: " + f));
        if (!problems.isEmpty()) {
            fail(batch + ": " + problems.size() + " result files are not byte-identical to the recorded ones:\n  "
                    + String.join("\n  ", problems));
        }
        assertEquals(expected.keySet(), actual.keySet());
    }

    private static Map<String, String> expected(String batch) {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = GoldenOutputs.class.getResourceAsStream("/golden/" + batch + ".sha256")) {
            if (in == null) {
                throw new AssertionError("no recorded digests for " + batch);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.put(line.substring(66).trim(), line.substring(0, 64));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, String> digests(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!UNPINNED.contains(rel)) {
                    out.put(rel, HexFormat.of().formatHex(sha256().digest(comparable(rel, Files.readAllBytes(f)))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The bytes compared: the file without the lines that change with the code or the machine (see above). */
    static byte[] comparable(String file, byte[] content) {
        if (!file.endsWith(".json")) {
            return content;
        }
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
            if (file.equals("results.json") && line.matches("    \"(foresight|runtime)\" : \\{")) {
                skipping = true;
            }
            boolean volatileLine = line.matches("\\s*\"inputsSha256\" : \"[0-9a-f]{64}\",?")
                    || file.equals("results.json") && line.matches("      \"file\" : \".*\",?");
            if (!skipping && !volatileLine) {
                out.append(line).append('\n');
            }
            if (skipping && line.matches("    },?")) {
                skipping = false;
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the digests of {@code dir} for {@code batch} (to re-record after an intended change). */
    static void record(Path dir, Path digestFile) throws IOException {
        StringBuilder out = new StringBuilder();
        digests(dir).forEach((file, sha) -> out.append(sha).append("  ").append(file).append('\n'));
        Files.writeString(digestFile, out.toString(), StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
