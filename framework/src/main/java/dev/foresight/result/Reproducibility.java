package dev.foresight.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What legitimately differs between two runs of the same batch, data and code — the one list the
 * tests compare by, {@code results.json} leaves out, and the README documents ("Same answers").
 * Every other file of a result directory is byte-identical whatever the engine, its parallelism or
 * the machine's load.
 */
public final class Reproducibility {

    private Reproducibility() {
    }

    /**
     * Files whose bytes differ between any two runs: times of day and durations
     * ({@code manifest.json}, {@code timings.json}, the reports' generation time), a database file
     * whose bytes (not rows) differ ({@code results.duckdb} and its write-ahead log), the directory
     * marker (its creation time), the lock file (the process that held it) and {@code outputs.json},
     * which records the digests of the report and the database.
     */
    public static final List<String> VARYING_FILES = List.of("manifest.json", "timings.json", "report.html",
            "report.pdf", "results.duckdb", "results.duckdb.wal", "foresight-result.json", ".foresight.lock",
            "outputs.json");

    /**
     * The {@code manifest.json} fields (dotted paths) that differ between runs or engines; the rest
     * of the manifest (code version, batch and data hashes, Java and library versions) is the same.
     * {@code engine}: which engine, its parallelism and settings (Spark: master, executors, thread
     * counts); {@code runtime.workers}: the parallelism; {@code runtime.nd4j}: ND4J as the driver
     * JVM loaded it (not at all when the LSTMs ran on executors; their ND4J is under
     * {@code engine}); {@code command}: the command line, which names the engine; the times.
     */
    public static final List<String> ENGINE_DEPENDENT_MANIFEST_FIELDS = List.of("engine", "runtime.workers",
            "runtime.nd4j", "command", "started", "finished");

    /** {@code manifest} (as parsed) less the {@code fields} (dotted paths) it has; a copy, nested maps copied. */
    public static Map<String, Object> without(Map<String, Object> manifest, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>(manifest);
        for (String field : fields) {
            int dot = field.indexOf('.');
            if (dot < 0) {
                out.remove(field);
            } else if (out.get(field.substring(0, dot)) instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) inner;
                out.put(field.substring(0, dot), without(nested, List.of(field.substring(dot + 1))));
            }
        }
        return out;
    }
}
