package dev.foresight.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@value #FILE}: what the files a run derives from its results (summaries, risk
 * tables, manifest, {@code results.duckdb}, the report) were computed from, and those files' own
 * SHA-256 — written last, after all of them. A re-run whose inputs digest is the same and whose
 * derived files are all present with these digests leaves them as they are: recomputing them would
 * give the same figures. Anything else (another input, a file missing or edited, another Foresight)
 * and the run derives them all again.
 *
 * @param format       this file's layout; another value is never taken as current
 * @param inputsSha256 SHA-256 of everything the derived files are computed from ({@link ResultStore#inputsDigest})
 * @param outputs      file name (relative to the result directory) → SHA-256 of its bytes
 * @param table        the summary table the run printed, printed again by a run that finds the files current
 */
record OutputStamp(int format, @JsonProperty("inputs_sha256") String inputsSha256, Map<String, String> outputs,
                   String table) {

    /** The file name, in the result directory. */
    static final String FILE = "outputs.json";

    /** The layout written by this code. */
    static final int FORMAT = 1;

    OutputStamp {
        if (inputsSha256 == null || !inputsSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("inputs_sha256 must be a SHA-256 in hex, got " + inputsSha256);
        }
        if (outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("outputs must name the files they vouch for");
        }
        outputs = new TreeMap<>(outputs);
        table = table == null ? "" : table;
    }
}
