package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foresight.cli.Main;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code spark-submit} of the shaded cluster jar (run by Failsafe after {@code package}): the
 * class {@code bin/spark-submit} execs, {@code org.apache.spark.deploy.SparkSubmit}, in its own JVM
 * whose class path is a stand-in for a Spark 3.5.9 distribution's {@code jars/} — spark-core's
 * dependency graph copied from the local Maven repository, offline ({@code bench/spark/spark-home}),
 * no Foresight jar in it — on {@code local-cluster[2,1,1024]}, whose two executor JVMs get Spark's
 * jars only: the application jar and a plugin jar reach them as spark-submit and the engine ship
 * them. The batch's results (a plugin feature, LSTMs) are the local engine's, byte for byte but for
 * what names the code. Tagged slow (minutes, and a Maven run to copy Spark's jars): Failsafe runs it
 * with {@code -Dsurefire.excludedGroups=}.
 */
@org.junit.jupiter.api.Tag("slow")
class SparkSubmitIT {

    private static final String BATCH = """
            name: spark-submit
            seed: 8
            data:
              synthetic: {kind: garch, bars: 700, seed: 5}
            experiments:
              - name: submitted
                target: {kind: log-return, horizon: 1}
                features:
                  - {kind: test-ewma, lambda: 0.9}
                  - {kind: returns, lags: 2}
                walk_forward: {window: rolling, train: 300, test: 100, validation: 0.15, max_folds: 3}
                models:
                  - {kind: linear}
                  - {kind: lstm, window: 10, lstm_units: [4], dense_units: [0], max_epochs: 2}
            """;

    @Test
    void clusterJar_underSparkSubmit_onALocalClusterOfSparkJarsOnly_matchesTheLocalEngine(@TempDir Path tmp)
            throws Exception {
        Path build = Path.of(System.getProperty("foresight.clusterJarDirectory", "target")).toAbsolutePath();
        Path jar;
        try (Stream<Path> files = Files.list(build)) {
            jar = files.filter(p -> p.getFileName().toString().matches("foresight-spark-.+-cluster\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cluster jar in " + build));
        }
        Path sparkJars = sparkHome(build.resolve("spark-home"));
        TestPlugins.Built plugin = TestPlugins.build(tmp.resolve("plugin"));
        Path batch = Runs.write(tmp.resolve("submit.yaml"), BATCH);

        Runs.Result local = Runs.foresight("run", "-q", "--plugins", plugin.jar(), batch, "--out", tmp.resolve("local"),
                "--engine", "local", "--workers", "2");
        assertEquals(Main.OK, local.code(), local.toString());

        Path out = tmp.resolve("submitted");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaModuleOptions());
        command.addAll(List.of("-cp", sparkJars + File.separator + "*", "org.apache.spark.deploy.SparkSubmit",
                "--master", "local-cluster[2,1,1024]", "--deploy-mode", "client",
                "--class", SparkMain.class.getName(),
                "--conf", "spark.executor.extraClassPath=" + sparkJars + File.separator + "*",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.extraJavaOptions=-XX:+UseParallelGC",
                jar.toString(),
                "run", "-q", "--plugins", plugin.jar().toString(), batch.toString(), "--out", out.toString()));
        Path log = tmp.resolve("spark-submit.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkJars.getParent().toString());
        env.put("SPARK_TESTING", "1");          // lets local-cluster start its workers without a distribution
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("FORESIGHT_HOME");
        env.remove("FORESIGHT_PLUGINS");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.MINUTES), "spark-submit ended");   // a hang guard, not a time limit
        String output = Files.readString(log);
        assertEquals(Main.OK, p.exitValue(), "spark-submit:\n" + output);
        assertTrue(output.contains("6 tasks, 0 failed"), output);
        assertSameNumbers(tmp.resolve("local"), out);

        JsonNode engine = Runs.manifest(out).path("engine");
        assertEquals("spark", engine.path("name").asText(), engine.toString());
        assertEquals("local-cluster[2,1,1024]", engine.path("master").asText(), engine.toString());
        assertTrue(engine.path("executors").asInt() >= 1, engine.toString());
        System.out.println("SparkSubmitIT: " + engine);
    }

    /**
     * Every result file as the local engine wrote it, except what names the code: the shaded jar
     * is other bytes than the thin jars (bundled libraries, relocated Jackson), so its code
     * fingerprint, part of each task's cache key ({@code inputsSha256}), differs, and so do the
     * versions {@code results.json}'s provenance reads from the class path.
     */
    private static void assertSameNumbers(Path expectedDir, Path actualDir) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> expected = new ArrayList<>(Runs.files(expectedDir));
        expected.removeAll(Runs.TIMED);
        List<String> actual = new ArrayList<>(Runs.files(actualDir));
        actual.removeAll(Runs.TIMED);
        assertEquals(expected, actual, "the same files");
        for (String f : expected) {
            byte[] a = Files.readAllBytes(expectedDir.resolve(f));
            byte[] b = Files.readAllBytes(actualDir.resolve(f));
            String ignored = f.startsWith("tasks/") ? "inputsSha256" : f.equals("results.json") ? "provenance" : null;
            if (ignored == null) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, f + " differs");
            } else {
                var x = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(a);
                var y = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(b);
                assertTrue(x.has(ignored) && y.has(ignored), f + " has " + ignored);
                x.remove(ignored);
                y.remove(ignored);
                assertEquals(x, y, f + " differs beyond " + ignored);
            }
        }
    }

    /**
     * The stand-in distribution's {@code jars/}: copied once per build directory by Maven, offline,
     * from {@code bench/spark/spark-home/pom.xml} (spark-core's graph with the versions this build
     * resolved, so every jar is already in the local repository).
     */
    private static Path sparkHome(Path home) throws IOException, InterruptedException {
        Path jars = home.resolve("jars");
        if (Files.isDirectory(jars)) {
            try (Stream<Path> s = Files.list(jars)) {
                if (s.anyMatch(f -> f.getFileName().toString().startsWith("spark-core_2.13"))) {
                    return jars;
                }
            }
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process mvn = new ProcessBuilder(root.resolve("mvnw").toString(), "-o", "-q", "-B", "-f",
                root.resolve("bench/spark/spark-home/pom.xml").toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies", "-DoutputDirectory=" + jars)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(home.resolveSibling("spark-home.log").toFile())
                .start();
        assertTrue(mvn.waitFor(30, TimeUnit.MINUTES), "mvnw ended");
        assertEquals(0, mvn.exitValue(), "copying Spark's jars: " + Files.readString(home.resolveSibling("spark-home.log")));
        return jars;
    }

    /** The Java 17 flags spark-submit's launcher passes (this JVM got them from the build's argLine). */
    private static List<String> javaModuleOptions() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect")) {
                out.add(a);
            }
        }
        return out;
    }
}
