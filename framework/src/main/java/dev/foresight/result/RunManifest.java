package dev.foresight.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code manifest.json}, the run's provenance: what was run (the batch file and its
 * resolved config, each experiment's data and its hash), with what (the code's version and commit,
 * Java, OS, libraries and what plugins report of their runtime) and when. Enough for a reviewer to
 * reproduce a run; unlike the task files it differs between any two runs (times, command line).
 *
 * <p>{@code foresight} (the code version), {@code engine} and {@code runtime} stay open maps: plugins add
 * their own entries to the runtime, each engine names the settings that shaped its run (a Spark
 * master, executors, task CPUs), and the code version comes from the build.
 *
 * @param data per experiment, in name order
 */
@JsonPropertyOrder(alphabetic = true) // the file's layout since it was written from sorted maps
public record RunManifest(Map<String, Object> foresight, Batch batch, Map<String, Data> data, Map<String, Object> engine,
                          Map<String, Object> runtime, List<String> command, String started, String finished) {

    public RunManifest {
        if (batch == null) {
            throw new IllegalArgumentException("a manifest names its batch");
        }
        foresight = foresight == null ? Map.of() : new TreeMap<>(foresight);
        data = data == null ? Map.of() : new TreeMap<>(data);
        engine = engine == null ? Map.of() : new TreeMap<>(engine);
        runtime = runtime == null ? Map.of() : new TreeMap<>(runtime);
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** The batch file as given, its hash, and the hash of the resolved configuration it became. */
    @JsonPropertyOrder(alphabetic = true)
    public record Batch(String name, String file, @JsonProperty("file_sha256") String fileSha256,
                        @JsonProperty("resolved_config_sha256") String resolvedConfigSha256, long seed) {
    }

    /**
     * One experiment's data: its hash and extent, and each series it was assembled from (as the
     * data source describes it: file or generator, parameters, rows dropped and why).
     */
    @JsonPropertyOrder(alphabetic = true)
    public record Data(@JsonProperty("data_sha256") String dataSha256, int bars, @JsonProperty("first_date") String firstDate,
                       @JsonProperty("last_date") String lastDate, List<Map<String, Object>> series) {

        public Data {
            series = series == null ? List.of() : List.copyOf(series);
        }
    }
}
