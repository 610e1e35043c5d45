package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded spark-submit jar as {@code package} built it (run by Failsafe after packaging): the
 * version in its name, Spark and SLF4J left to the cluster, Jackson and protobuf relocated, the
 * ServiceLoader files merged (Foresight's engine and plugins, ND4J's backend), Multi-Release, and
 * {@link SparkMain} as its main class.
 */
class ClusterJarIT {

    @Test
    void clusterJar_isSelfContainedButLeavesSparkAndLoggingToTheCluster() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("foresight.clusterJarDirectory", "target")))) {
            jar = files.filter(p -> p.getFileName().toString().matches("foresight-spark-.+-cluster\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no foresight-spark-VERSION-cluster.jar in the build directory"));
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes main = j.getManifest().getMainAttributes();
            assertEquals(SparkMain.class.getName(), main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Multi-Release"));
            List<String> names = j.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("dev/foresight/spark/SparkEngine.class"));
            assertTrue(names.contains("dev/foresight/cli/Main.class"));
            assertTrue(names.stream().anyMatch(n -> n.startsWith("dev/foresight/shaded/jackson/databind/")),
                    "Jackson relocated");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("com/fasterxml/jackson/")), "no unrelocated Jackson");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("com/google/protobuf/")), "no unrelocated protobuf");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/slf4j/")), "SLF4J is the cluster's");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/apache/spark/")), "Spark is the cluster's");
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")),
                    "no signature files of the merged jars");
            assertTrue(service(j, "dev.foresight.run.engine.EngineProvider").contains(SparkEngineProvider.class.getName()));
            assertTrue(service(j, "dev.foresight.plugin.PluginProvider").contains("dev.foresight.strategies"),
                    "Foresight's plugins");
            assertTrue(service(j, "org.nd4j.linalg.factory.Nd4jBackend").contains("CpuBackend"), "ND4J's backend");
        }
    }

    private static String service(JarFile j, String name) throws IOException {
        var entry = j.getEntry("META-INF/services/" + name);
        assertTrue(entry != null, "META-INF/services/" + name);
        return new String(j.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
}
