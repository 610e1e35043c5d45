package dev.foresight.run;

import dev.foresight.batch.BatchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The run's provenance manifest: what was run (config and data hashes, seeds), with what (code
 * commit, library, Java and OS versions, cores) and when. Enough for a reviewer to reproduce it.
 */
public final class Provenance {

    private Provenance() {
    }

    static Map<String, Object> manifest(BatchSpec batch, String configSha, Map<String, LoadedData> data,
                                        BatchRunner.Options options, long started, long finished) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("foresight", codeVersion());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", batch.name());
        b.put("file", batch.source().toString());
        b.put("file_sha256", fileSha(batch.source()));
        b.put("resolved_config_sha256", configSha);
        b.put("seed", batch.seed());
        m.put("batch", b);
        Map<String, Object> d = new LinkedHashMap<>();
        data.forEach((experiment, loaded) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("data_sha256", loaded.sha256());
            one.put("bars", loaded.market().size());
            one.put("first_date", loaded.market().date(0).toString());
            one.put("last_date", loaded.market().date(loaded.market().size() - 1).toString());
            one.put("series", loaded.sources());
            d.put(experiment, one);
        });
        m.put("data", d);
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("name", options.engine().name());
        engine.put("parallelism", options.engine().parallelism());
        engine.putAll(options.engine().provenance());
        m.put("engine", engine);
        m.put("runtime", runtime(options.workers()));
        m.put("command", options.commandLine());
        m.put("started", Instant.ofEpochMilli(started).toString());
        m.put("finished", Instant.ofEpochMilli(finished).toString());
        return m;
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
        for (List<String> lib : List.of(List.of("com.fasterxml.jackson.core", "jackson-databind"),
                List.of("com.fasterxml.jackson.dataformat", "jackson-dataformat-yaml"),
                List.of("org.apache.commons", "commons-math3"), List.of("info.picocli", "picocli"))) {
            libs.put(lib.get(1), libraryVersion(lib.get(0), lib.get(1)));
        }
        r.put("libraries", libs);
        // ND4J's thread count and native classifier change the last bits of LSTM weights; reported
        // as "loaded: false" when no LSTM ran (loading ND4J only to report it costs a second).
        r.put("nd4j", dev.foresight.strategies.lstm.LstmRuntime.environment());
        return r;
    }

    private static String libraryVersion(String group, String artifact) {
        if (artifact.equals("picocli")) {
            return picocli.CommandLine.VERSION; // its jar carries no Maven metadata
        }
        Properties p = properties("/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        return p.getProperty("version", "unknown");
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Missing metadata is reported as "unknown"; it never stops a run.
        }
        return p;
    }

    private static String fileSha(java.nio.file.Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
