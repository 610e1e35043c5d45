package dev.foresight.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What identifies a run in the catalogue: its batch and that batch's resolved-config hash, the
 * code commit, the data each experiment read (by hash), and when it ran.
 *
 * @param started ISO-8601 instant, as in {@code manifest.json}
 */
public record RunRecord(String batch, String batchSha256, String batchFileSha256, String codeCommit, boolean codeDirty,
                        String started, String finished, Map<String, DataRecord> data) {

    /** One experiment's data as the run loaded it. */
    public record DataRecord(String sha256, int bars, String firstDate, String lastDate) {
    }

    public RunRecord {
        Objects.requireNonNull(batch, "batch");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The record of a run as its {@code manifest.json} (a parsed map) states it. */
    @SuppressWarnings("unchecked")
    public static RunRecord ofManifest(Map<String, Object> manifest) {
        Map<String, Object> code = map(manifest.get("foresight"));
        Map<String, Object> batch = map(manifest.get("batch"));
        Map<String, DataRecord> data = new LinkedHashMap<>();
        map(manifest.get("data")).forEach((experiment, v) -> {
            Map<String, Object> d = map(v);
            data.put(experiment, new DataRecord(text(d.get("data_sha256")),
                    d.get("bars") instanceof Number n ? n.intValue() : 0, text(d.get("first_date")),
                    text(d.get("last_date"))));
        });
        return new RunRecord(String.valueOf(batch.getOrDefault("name", "?")), text(batch.get("resolved_config_sha256")),
                text(batch.get("file_sha256")), text(code.get("git_commit")), Boolean.TRUE.equals(code.get("git_dirty")),
                text(manifest.get("started")), text(manifest.get("finished")), data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
