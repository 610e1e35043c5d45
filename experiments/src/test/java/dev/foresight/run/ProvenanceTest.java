package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.foresight.plugin.ProvenanceContributor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @Test
    void runtime_endsWithEachPluginContributionUnderItsName() {
        Map<String, Object> runtime = Provenance.runtime(2);
        List<String> keys = new ArrayList<>(runtime.keySet());
        // The manifest's layout before contributors existed: the LSTM's ND4J facts come last.
        assertEquals(List.of("java_version", "java_vendor", "java_vm", "os", "cores", "workers", "libraries", "nd4j"), keys);
        ProvenanceContributor nd4j = Provenance.contributors().get(0);
        assertEquals("nd4j", nd4j.name());
        assertEquals(nd4j.describe(), runtime.get("nd4j"));
        assertEquals(2, runtime.get("workers"));
    }

    @Test
    void contributors_areFoundThroughServiceLoaderAndSortedByName() {
        List<String> names = Provenance.contributors().stream().map(ProvenanceContributor::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(List.of("nd4j"), names, "the strategies module contributes ND4J's runtime, nothing else does");
    }

    /** The version in a library jar's own file name, e.g. 2.18.2 in jackson-databind-2.18.2.jar. */
    private static String versionInJarName(Class<?> probe, String artifact) throws Exception {
        String name = Path.of(probe.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        return name.substring(artifact.length() + 1, name.length() - ".jar".length());
    }

    @Test
    void libraries_areTheVersionsOfTheJarsThatRun() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> libs = (Map<String, Object>) Provenance.runtime(1).get("libraries");
        assertEquals(versionInJarName(com.fasterxml.jackson.databind.ObjectMapper.class, "jackson-databind"),
                libs.get("jackson-databind"));
        assertEquals(versionInJarName(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class, "jackson-dataformat-yaml"),
                libs.get("jackson-dataformat-yaml"));
        assertEquals(versionInJarName(org.apache.commons.math3.util.FastMath.class, "commons-math3"),
                libs.get("commons-math3"));
        assertEquals(picocli.CommandLine.VERSION, libs.get("picocli"));
    }

    private static void jar(Path file, String version, Class<?> withClass) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new JarEntry("META-INF/maven/org.example/lib/pom.properties"));
            Properties p = new Properties();
            p.setProperty("version", version);
            p.store(out, null);
            if (withClass != null) {
                String path = withClass.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (InputStream in = withClass.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** A class of "the library" for libraryVersion to look up. */
    public static final class Probe {
    }

    @Test
    void libraryVersion_readsTheJarTheClassCameFrom_notTheFirstOnTheClassPath(@TempDir Path dir) throws Exception {
        // spark-submit's layout: the application's loader asks its parent (Spark's jars/) first, and
        // the parent holds another version of the same library's metadata
        Path spark = dir.resolve("spark-lib-2.15.jar");
        Path app = dir.resolve("app.jar");
        jar(spark, "2.15.2", null);
        jar(app, "2.23.0", Probe.class);
        try (URLClassLoader parent = new URLClassLoader(new URL[] {spark.toUri().toURL()}, null);
             URLClassLoader application = new URLClassLoader(new URL[] {app.toUri().toURL()}, parent)) {
            Class<?> probe = Class.forName(Probe.class.getName(), false, application);
            assertEquals(application, probe.getClassLoader());
            // what a class-path lookup through the class's own loader finds: the parent's
            Properties first = new Properties();
            try (InputStream in = probe.getResourceAsStream("/META-INF/maven/org.example/lib/pom.properties")) {
                first.load(in);
            }
            assertEquals("2.15.2", first.getProperty("version"));
            assertEquals("2.23.0", Provenance.libraryVersion(probe, "org.example", "lib"));
            assertEquals("unknown", Provenance.libraryVersion(probe, "org.example", "other"));
        }
        assertNotEquals("unknown", Provenance.libraryVersion(org.apache.commons.math3.util.FastMath.class,
                "org.apache.commons", "commons-math3"));
    }
}
