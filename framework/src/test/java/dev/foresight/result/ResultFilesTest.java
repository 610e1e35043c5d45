package dev.foresight.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed result files write the bytes the untyped maps they replaced wrote: each test builds the
 * file both ways — the map exactly as the run used to assemble it — and compares the bytes.
 */
class ResultFilesTest {

    @Test
    void runTimings_writesTheBytesOfTheMapsItReplaced() {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("cached", false);
        task.put("fit_ms", 84.582952);
        task.put("predict_ms", 26.778127);
        task.put("total_ms", 1505.054877);
        Map<String, Object> cached = new LinkedHashMap<>();
        cached.put("cached", true);
        cached.put("fit_ms", 0.0);
        cached.put("predict_ms", 0.0);
        cached.put("total_ms", 0.0);
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("e/b/fold-001", task);
        tasks.put("e/a/fold-000", cached);
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("prepare", 55L);
        phases.put("tasks", 45272L);
        phases.put("canary", 41L);
        phases.put("summary", 9547L);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("wall_ms", 56000L);
        old.put("workers", 2);
        old.put("phases_ms", phases);
        old.put("tasks", tasks);

        Map<String, RunTimings.Task> typedTasks = new LinkedHashMap<>();
        typedTasks.put("e/b/fold-001", new RunTimings.Task(false, 84.582952, 26.778127, 1505.054877));
        typedTasks.put("e/a/fold-000", new RunTimings.Task(true, 0, 0, 0));
        RunTimings typed = new RunTimings(56000L, 2, new RunTimings.Phases(55, 45272, 41, 9547), typedTasks);

        assertSameBytes(old, typed);
        assertEquals(typed, ResultJson.mapper().convertValue(old, RunTimings.class));
    }

    @Test
    void runManifest_writesTheBytesOfTheMapsItReplaced() {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("symbol", "SYN");
        series.put("synthetic", "regime-garch");
        series.put("seed", 7L);
        series.put("parameters", Map.of());
        series.put("bars", 2520);
        series.put("notes", CheckOutcome.passed("a record", "keeps its declaration order")); // as LoadNotes does
        series.put("bars_loaded", 2520);
        Map<String, Object> oldData = new LinkedHashMap<>();
        oldData.put("data_sha256", "4e2f");
        oldData.put("bars", 2520);
        oldData.put("first_date", "2000-01-03");
        oldData.put("last_date", "2009-08-28");
        oldData.put("series", List.of(series));
        Map<String, Object> oldBatch = new LinkedHashMap<>();
        oldBatch.put("name", "grid-example");
        oldBatch.put("file", "experiments/grid-example.yaml");
        oldBatch.put("file_sha256", "cfe4");
        oldBatch.put("resolved_config_sha256", "3b89");
        oldBatch.put("seed", 42L);
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("version", "0.1.0-SNAPSHOT");
        code.put("git_commit", "745c");
        code.put("git_dirty", false);
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("java_version", "17.0.15");
        runtime.put("cores", 2);
        runtime.put("workers", 2);
        runtime.put("libraries", Map.of("picocli", "4.7.7", "commons-math3", "3.6.1"));
        runtime.put("nd4j", Map.of("loaded", false));
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("foresight", code);
        old.put("batch", oldBatch);
        old.put("data", Map.of("returns.window-rolling", oldData, "returns.window-expanding", oldData));
        old.put("engine", Map.of("name", "local", "parallelism", 2));
        old.put("runtime", runtime);
        old.put("command", List.of("foresight", "run", "experiments/grid-example.yaml"));
        old.put("started", "2026-12-06T23:02:01.380Z");
        old.put("finished", "2026-12-06T23:02:58.439Z");

        RunManifest.Data data = new RunManifest.Data("4e2f", 2520, "2000-01-03", "2009-08-28", List.of(series));
        Map<String, RunManifest.Data> byExperiment = new LinkedHashMap<>();
        byExperiment.put("returns.window-rolling", data);
        byExperiment.put("returns.window-expanding", data);
        RunManifest typed = new RunManifest(code, new RunManifest.Batch("grid-example", "experiments/grid-example.yaml",
                "cfe4", "3b89", 42L), byExperiment, Map.of("name", "local", "parallelism", 2), runtime, List.of("foresight", "run", "experiments/grid-example.yaml"),
                "2026-12-06T23:02:01.380Z", "2026-12-06T23:02:58.439Z");

        assertSameBytes(old, typed);
    }

    @Test
    void canaryRecord_writesTheBytesOfTheMapItReplaced() {
        CanaryMeasurement measured = new CanaryMeasurement("model ar", 480, "hit rate 0.51", 0.31, null);
        CheckOutcome verdict = CheckOutcome.passed(CheckOutcome.CANARY, "no significant skill");
        Map<String, Object> holm = new LinkedHashMap<>();
        holm.put("ptPValue", 0.62);
        holm.put("sharpePValue", null);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("experiment", "e");
        old.put("model", "ar");
        old.put("measurement", measured);
        old.put("inputsSha256", "abc");
        old.put("holmAdjusted", holm);
        old.put("outcome", verdict);

        CanaryRecord typed = new CanaryRecord("e", "ar", measured, CanaryRecord.HolmAdjusted.of(0.62, Double.NaN), verdict, "abc");

        assertSameBytes(List.of(old), List.of(typed));
        CanaryRecord[] back = ResultJson.mapper().convertValue(List.of(old), CanaryRecord[].class);
        assertEquals(typed, back[0]);
        assertEquals("e/ar", back[0].key());
    }

    @Test
    void canaryRecord_readsAnEntryWithoutVerdict() throws Exception {
        CanaryRecord r = ResultJson.mapper().readValue("{\"experiment\":\"e\",\"model\":\"m\",\"inputsSha256\":\"k\"}",
                CanaryRecord.class);
        assertNull(r.outcome());
        assertNull(r.holmAdjusted());
        assertThrows(JsonMappingException.class, () -> ResultJson.mapper().readValue("{\"model\":\"m\"}", CanaryRecord.class));
    }

    @Test
    void resultMarker_keepsItsFieldOrderAndRefusesFormatZero() {
        assertEquals("{\n  \"format\" : 1,\n  \"createdBy\" : \"foresight 0.1.0\",\n  \"created\" : \"2026-12-06T23:02:02Z\"\n}\n",
                new String(ResultJson.bytes(new ResultMarker(ResultMarker.FORMAT, "foresight 0.1.0", "2026-12-06T23:02:02Z")),
                        StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> new ResultMarker(0, "x", "y"));
    }

    @Test
    void statuses_areWrittenAsTheirLowerCaseWordsAndUnknownWordsAreRefused() throws Exception {
        assertEquals("\"warning\"", ResultJson.mapper().writeValueAsString(CheckStatus.WARNING));
        assertEquals("\"ok\"", ResultJson.mapper().writeValueAsString(TaskStatus.OK));
        assertEquals(CheckStatus.FAILED, ResultJson.mapper().readValue("\"failed\"", CheckStatus.class));
        assertEquals(TaskStatus.FAILED, ResultJson.mapper().readValue("\"failed\"", TaskStatus.class));
        assertThrows(JsonMappingException.class, () -> ResultJson.mapper().readValue("\"LEAKING\"", CheckStatus.class));
        assertThrows(JsonMappingException.class, () -> ResultJson.mapper().readValue("\"OK\"", TaskStatus.class));
        assertEquals("check failed for model x: bar 7", CheckOutcome.failed("check", "model x", "bar 7").describe());
    }

    private static void assertSameBytes(Object old, Object typed) {
        assertArrayEquals(ResultJson.bytes(old), ResultJson.bytes(typed),
                () -> "old:\n" + new String(ResultJson.bytes(old), StandardCharsets.UTF_8) + "\ntyped:\n"
                        + new String(ResultJson.bytes(typed), StandardCharsets.UTF_8));
    }
}
