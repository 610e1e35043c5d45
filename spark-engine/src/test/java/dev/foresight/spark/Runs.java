package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foresight.cli.Main;
import dev.foresight.result.Reproducibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test fixture: the foresight command line in this JVM, and result directories compared byte for byte. */
final class Runs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Files that legitimately differ between two runs of the same batch (times, the engine in the
     * manifest, database bytes...): the project's one list, documented in the README.
     */
    static final List<String> TIMED = Reproducibility.VARYING_FILES;

    /** Files promised byte-identical for the same inputs, whatever the engine. */
    static final List<String> REPORT_DATA = List.of("config.resolved.json", "summary.json", "summary.csv",
            "metrics.csv", "results.json");

    private Runs() {
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** {@code foresight ARGS} as the Spark launchers run it ({@link SparkMain}), in this JVM. */
    static Result foresight(Object... args) {
        String[] argv = Stream.of(args).map(Object::toString).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(SparkMain.withSparkEngine(argv), o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, relative, sorted. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> taskFiles(Path dir) {
        Path tasks = dir.resolve("tasks");
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(tasks)) {
            return walk.filter(p -> p.getFileName().toString().matches("fold-\\d{3}\\.json")).map(Path::toString).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();   // a directory appeared while walking: poll again
        }
    }

    /** The same files in both directories, byte for byte, except {@link #TIMED}. */
    static void assertSameResults(Path expectedDir, Path actualDir) {
        List<String> expected = new ArrayList<>(files(expectedDir));
        expected.removeAll(TIMED);
        List<String> actual = new ArrayList<>(files(actualDir));
        actual.removeAll(TIMED);
        assertEquals(expected, actual, "the same files");
        assertTrue(expected.containsAll(REPORT_DATA), "report data written: " + expected);
        for (String f : expected) {
            try {
                assertArrayEquals(Files.readAllBytes(expectedDir.resolve(f)), Files.readAllBytes(actualDir.resolve(f)),
                        f + " differs between the engines");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String f : List.of("manifest.json", "timings.json", "report.html", "results.duckdb")) {
            assertTrue(Files.isRegularFile(actualDir.resolve(f)), f);
        }
        assertEquals(manifestWithoutEngineFields(expectedDir), manifestWithoutEngineFields(actualDir),
                "manifest.json, except " + Reproducibility.ENGINE_DEPENDENT_MANIFEST_FIELDS);
    }

    static JsonNode manifest(Path dir) {
        try {
            return JSON.readTree(dir.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest less {@link Reproducibility#ENGINE_DEPENDENT_MANIFEST_FIELDS} (each checked present first). */
    private static JsonNode manifestWithoutEngineFields(Path dir) {
        JsonNode m = manifest(dir);
        for (String field : Reproducibility.ENGINE_DEPENDENT_MANIFEST_FIELDS) {
            String[] path = field.split("\\.");
            JsonNode parent = m;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.path(path[i]);
            }
            assertTrue(parent.has(path[path.length - 1]), dir + "/manifest.json has " + field);
            ((ObjectNode) parent).remove(path[path.length - 1]);
        }
        return m;
    }
}
