package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.plugin.ProvenanceContributor;
import dev.foresight.result.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The run's provenance manifest: what was run (config and data hashes, seeds), with what (code
 * commit, library, Java and OS versions, cores) and when. Enough for a reviewer to reproduce it.
 */
public final class Provenance {

    private Provenance() {
    }

    static RunManifest manifest(BatchSpec batch, String configSha, Map<String, LoadedData> data,
                                BatchRunner.Options options, long started, long finished) {
        RunManifest.Batch b = new RunManifest.Batch(batch.name(), batch.source().toString(), fileSha(batch.source()),
                configSha, batch.seed());
        Map<String, RunManifest.Data> d = new LinkedHashMap<>();
        data.forEach((experiment, loaded) -> d.put(experiment, new RunManifest.Data(loaded.sha256(), loaded.market().size(),
                loaded.market().date(0).toString(), loaded.market().date(loaded.market().size() - 1).toString(),
                loaded.sources())));
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("name", options.engine().name());
        engine.put("parallelism", options.engine().parallelism());
        engine.putAll(options.engine().provenance());
        return new RunManifest(codeVersion(), b, d, engine, runtime(options.workers()), options.commandLine(),
                Instant.ofEpochMilli(started).toString(), Instant.ofEpochMilli(finished).toString());
    }

    static Map<String, Object> codeVersion() {
        return CodeVersion.get();
    }

    static Map<String, Object> runtime(int workers) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("java_version", System.getProperty("java.version"));
        r.put("java_vendor", System.getProperty("java.vendor"));
        r.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        r.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("workers", workers);
        Map<String, Object> libs = new LinkedHashMap<>();
        // Jackson's own compiled-in versions: under spark-submit the first jackson pom.properties on
        // the class path is Spark's (2.15), while Foresight runs its relocated copy from the shaded jar
        libs.put("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        libs.put("jackson-dataformat-yaml", com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
        libs.put("commons-math3", libraryVersion(org.apache.commons.math3.util.FastMath.class, "org.apache.commons",
                "commons-math3"));
        libs.put("picocli", picocli.CommandLine.VERSION); // its jar carries no Maven metadata
        r.put("libraries", libs);
        // What plugins know of their own runtime (the LSTM's: ND4J's threads and native classifier,
        // which change the last bits of its weights), by name so the order never depends on the class path.
        for (ProvenanceContributor c : contributors()) {
            if (r.containsKey(c.name())) {
                throw new IllegalStateException("provenance contributor " + c.getClass().getName()
                        + " claims the runtime key '" + c.name() + "', which is taken");
            }
            r.put(c.name(), c.describe());
        }
        return r;
    }

    /** The contributors visible to the plugins' loader, sorted by name. */
    static List<ProvenanceContributor> contributors() {
        List<ProvenanceContributor> found = new ArrayList<>();
        ServiceLoader.load(ProvenanceContributor.class, PluginRegistry.defaultLoader()).forEach(found::add);
        found.sort(Comparator.comparing(ProvenanceContributor::name));
        return found;
    }

    /**
     * The version of {@code group:artifact} as it runs here: from the Maven metadata inside the jar
     * (or class directory) that {@code probe}, a class of the library, was loaded from — not the
     * first such file on the class path. Under spark-submit the application's class loader asks
     * Spark's first, and Spark's {@code jars/} carry their own Jackson, Commons and so on: the first
     * {@code pom.properties} found belongs to a library that may not be the one that runs.
     */
    static String libraryVersion(Class<?> probe, String group, String artifact) {
        java.security.CodeSource source = probe.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        // a loader over that one jar, with no parent but the JDK's: nothing else can answer
        try (java.net.URLClassLoader only = new java.net.URLClassLoader(new java.net.URL[] {source.getLocation()}, null)) {
            java.net.URL pom = only.findResource("META-INF/maven/" + group + "/" + artifact + "/pom.properties");
            if (pom == null) {
                return "unknown";
            }
            Properties p = new Properties();
            try (InputStream in = pom.openStream()) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";   // missing metadata never stops a run
        }
    }

    private static String fileSha(Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
