package dev.foresight.cli;

import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task that fails is recorded as a value; the batch goes on and exits 4. */
class FailedTaskTest {

    /**
     * A rolling 40-bar training window gives AR(50) at most 40 rows for 51 coefficients (lags
     * may reach back before the window, but the rows to fit on are the window's), so model
     * {@code big} fails in every fold; the other models are unaffected. 290 bars, tests from bars
     * 40, 90, ..., 240: 5 folds.
     */
    private static final String BATCH = """
            name: failing
            seed: 9
            data:
              synthetic: {kind: gbm, bars: 290, seed: 2}
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                walk_forward: {window: rolling, train: 40, test: 50}
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 50, name: big}
                  - {kind: ar, p: 1}
            """;

    @Test
    void modelThatCannotFit_failsEveryFoldAsAValueAndTheBatchExits4(@TempDir Path tmp) throws Exception {
        Path batch = write(tmp.resolve("failing.yaml"), BATCH);
        Path out = tmp.resolve("out");
        ObjectMapper json = new ObjectMapper();

        Cli.Result r = run("run", batch, "--out", out, "-q");

        assertEquals(Main.TASKS_FAILED, r.code(), r.toString());
        assertEquals(15, Cli.taskFiles(out).size(), Cli.taskFiles(out).toString());
        for (int fold = 0; fold < 5; fold++) {
            JsonNode failed = json.readTree(out.resolve(String.format("tasks/ret/big/fold-%03d.json", fold)).toFile());
            assertEquals("failed", failed.path("status").asText());
            String error = failed.path("error").asText();
            assertTrue(error.startsWith("model 'big', fold " + fold + " "), error);
            assertTrue(error.contains("fit failed") && error.contains("least squares needs at least 52"), error);
            assertEquals(0, failed.path("bars").size());
            for (String other : new String[] {"random-walk", "ar"}) {
                JsonNode ok = json.readTree(out.resolve(String.format("tasks/ret/%s/fold-%03d.json", other, fold)).toFile());
                assertEquals("ok", ok.path("status").asText(), other + " fold " + fold);
                assertTrue(ok.path("bars").size() > 0);
            }
        }

        JsonNode rows = json.readTree(out.resolve("summary.json").toFile()).path("rows");
        JsonNode big = rows.get(1);
        assertEquals("big", big.path("model").asText());
        assertEquals(5, big.path("folds").asInt());
        assertEquals(5, big.path("failedFolds").asInt());
        assertEquals(0, rows.get(2).path("failedFolds").asInt());
        assertTrue(rows.get(2).path("mse").isNumber(), "the healthy model is scored: " + rows.get(2));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+big\\s+0/5\\s.*")), "the table shows the failed folds:\n" + r);
        assertTrue(r.out().contains("15 tasks, 5 failed"), r.toString());
    }
}
