package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party plugins ({@code --plugins}: a jar and a directory of classes) on a real multi-process
 * cluster, {@code local-cluster[2,1,1024]}: Spark ships them to the executor JVMs, whose per-unit
 * isolated loaders define the plugin classes from the executor's own copy; the executors' code
 * fingerprint equals the driver's (or they would refuse to compute), and every result file is
 * byte-identical to the local engine's. A plugin path that cannot be shipped is a user error.
 */
class PluginJarsTest {

    static final String BATCH = """
            name: spark-plugins
            seed: 3
            data:
              synthetic: {kind: garch, bars: 900, seed: 2}
            experiments:
              - name: plugged
                target: {kind: log-return, horizon: 1}
                features:
                  - {kind: test-ewma, lambda: 0.9}
                  - {kind: test-momentum, bars: 5}
                  - {kind: returns, lags: 2}
                walk_forward: {window: rolling, train: 400, test: 100, max_folds: 4}
                models:
                  - {kind: linear}
                  - {kind: historical-mean}
            """;

    @Test
    void pluginJarAndClassDirectory_onALocalCluster_loadFromTheExecutorsCopy_byteIdenticalToTheLocalEngine(
            @TempDir Path tmp) throws Exception {
        TestPlugins.Built built = TestPlugins.build(tmp.resolve("build"));
        String plugins = built.jar() + File.pathSeparator + built.classes();
        Path batch = Runs.write(tmp.resolve("plugins.yaml"), BATCH);
        Runs.Result local = Runs.foresight("run", "-q", "--plugins", plugins, batch, "--out", tmp.resolve("local"),
                "--engine", "local", "--workers", "2");
        assertEquals(Main.OK, local.code(), local.toString());

        Path trace = Files.createDirectories(tmp.resolve("trace"));
        SparkConf conf = Clusters.localCluster(2, 1024).set("spark.executorEnv." + TestPlugins.TRACE, trace.toString());
        Path out = tmp.resolve("cluster");
        Runs.Result cluster;
        try (SparkProperties ignored = SparkProperties.of(conf)) {
            cluster = Runs.foresight("run", "-q", "--plugins", plugins, batch, "--out", out, "--master",
                    conf.get("spark.master"));
        }
        assertEquals(Main.OK, cluster.code(), cluster.toString());
        assertTrue(cluster.out().contains("8 tasks, 0 failed"), cluster.out());
        Runs.assertSameResults(tmp.resolve("local"), out);

        // Who computed the plugin's features: executor JVMs, through the isolated loaders, from their own copy.
        List<String[]> lines = traces(trace);
        assertFalse(lines.isEmpty(), "the executors computed the plugin's features");
        String driverJar = built.jar().toUri().toString();
        for (String[] line : lines) {
            assertTrue(Long.parseLong(line[0]) != ProcessHandle.current().pid(), "computed in an executor JVM");
            assertTrue(line[1].startsWith("foresight-task") || line[1].startsWith("foresight-check"),
                    "defined by a per-unit isolated loader, not the executor's own: " + String.join(" ", line));
            assertTrue(line[2].endsWith("/" + built.jar().getFileName()) && !line[2].equals(driverJar),
                    "read from the executor's copy of the jar, not the driver's file: " + line[2]);
        }
        assertTrue(lines.stream().map(l -> l[1]).anyMatch(l -> l.startsWith("foresight-task")), "task loaders traced");
    }

    @Test
    void missingUnreadableOrCollidingPluginJar_isAUserErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path batch = Runs.write(tmp.resolve("faults.yaml"), FaultBatch.YAML);
        Path missing = tmp.resolve("missing-plugin.jar");
        Runs.Result r = Runs.foresight("run", "--plugins", missing, batch, "--master", "local[1]", "--out", tmp.resolve("o"));
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(missing.toString()) && !r.err().contains("\tat "), r.err());

        Path damaged = Files.writeString(tmp.resolve("damaged-plugin.jar"), "not a zip file");
        r = Runs.foresight("run", "--plugins", damaged, batch, "--master", "local[1]", "--out", tmp.resolve("o"));
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(damaged.toString()) && r.err().contains("cannot be read"), r.err());

        TestPlugins.Built built = TestPlugins.build(tmp.resolve("build"));
        Path a = Files.copy(built.jar(), Files.createDirectories(tmp.resolve("a")).resolve("same.jar"));
        Path b = Files.copy(built.jar(), Files.createDirectories(tmp.resolve("b")).resolve("same.jar"));
        r = Runs.foresight("run", "--plugins", a + File.pathSeparator + b, batch, "--master", "local[1]",
                "--out", tmp.resolve("o"));
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(a.toString()) && r.err().contains(b.toString()) && r.err().contains("same.jar"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("o").resolve("tasks")), "nothing was run");
    }

    /** The trace lines: pid, loader name, code source of the plugin class. */
    private static List<String[]> traces(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
