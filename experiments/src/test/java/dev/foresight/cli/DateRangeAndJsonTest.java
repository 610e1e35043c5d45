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

/** data.start / data.end end to end, and the --json outputs and CLI conventions around them. */
class DateRangeAndJsonTest {

    private static final String BATCH = """
            name: r
            data:
              synthetic: {kind: gbm, bars: 600, seed: 5}
              start: 2000-06-01
              end: 2001-12-31
            experiments:
              - name: a
                target: log-return
                walk_forward: {train: 200, test: 50}
                models: [{kind: ar, p: 1}]
            """;

    @Test
    void dateRange_isAppliedBeforeFoldsAndShownByPlan(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("r.yaml"), BATCH);
        Cli.Result plan = run("plan", "--json", file);
        assertEquals(0, plan.code(), plan.toString());
        JsonNode e = new ObjectMapper().readTree(plan.out()).get(0);
        assertTrue(e.get("first_date").asText().compareTo("2000-06-01") >= 0, plan.out());
        assertTrue(e.get("last_date").asText().compareTo("2001-12-31") <= 0, plan.out());
        assertTrue(e.get("first_date").asText().compareTo("2000-06-08") < 0, "the first business day of the range");
        JsonNode folds = e.get("folds");
        assertEquals(0, folds.get(0).get("trainStart").asInt());
        assertEquals(e.get("first_date").asText(), folds.get(0).get("trainStartDate").asText());
    }

    @Test
    void rangeWithoutBars_isLocatedAtStart(@TempDir Path dir) {
        Path file = write(dir.resolve("r.yaml"), BATCH.replace("start: 2000-06-01", "start: 2030-01-01")
                .replace("  end: 2001-12-31\n", ""));
        Cli.Result r = run("validate", file);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("r.yaml:4:10 (data.start): the range 2030-01-01.. leaves no bars"), r.err());
    }

    @Test
    void rangeTooShortForOneFold_isALocatedError(@TempDir Path dir) {
        Path file = write(dir.resolve("r.yaml"), BATCH.replace("end: 2001-12-31", "end: 2000-09-30"));
        Cli.Result r = run("validate", file);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("r.yaml:9:") && r.err().contains("walk_forward"), r.err());
    }

    @Test
    void endBeforeStartOrBadDate_isLocated(@TempDir Path dir) {
        Cli.Result r = run("validate", write(dir.resolve("a.yaml"), BATCH.replace("end: 2001-12-31", "end: 2000-01-01")));
        assertTrue(r.err().contains("a.yaml:5:8 (data.end): data.end 2000-01-01 is before data.start 2000-06-01"),
                r.err());
        r = run("validate", write(dir.resolve("b.yaml"), BATCH.replace("end: 2001-12-31", "end: 2001-02-30")));
        assertTrue(r.err().contains("b.yaml:5:8 (data.end): data.end must be a date"), r.err());
    }

    @Test
    void validateJson_listsEveryProblemWithItsLocation(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("bad.yaml"), BATCH.replace("p: 1", "p: 0").replace("train: 200", "train: x"));
        Cli.Result r = run("validate", "--json", file);
        assertEquals(2, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(false, json.get("valid").asBoolean());
        assertEquals(2, json.get("problems").size(), r.out());
        assertEquals("experiments[0].walk_forward.train", json.get("problems").get(0).get("field").asText());
        assertEquals(9, json.get("problems").get(0).get("line").asInt());
    }

    @Test
    void garchOnDirection_isRefusedByValidateAtTheModel(@TempDir Path dir) {
        Path file = write(dir.resolve("g.yaml"), BATCH.replace("target: log-return", "target: direction\n"
                + "    features: [{kind: returns, lags: 1}]").replace("{kind: ar, p: 1}", "{kind: garch}"));
        Cli.Result r = run("validate", file);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("(experiments[0].models[0]): model 'garch' cannot serve experiment 'a'")
                && r.err().contains("direction target"), r.err());
        Cli.Result ran = run("run", file, "--out", dir.resolve("out"));
        assertEquals(2, ran.code(), ran.toString());
        assertTrue(!ran.err().contains("running batch"), ran.err());
    }

    @Test
    void mistypedSubcommand_suggestsTheClosest() {
        Cli.Result r = run("valdate", "x.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean: validate?"), r.err());
    }

    @Test
    void everyHelp_listsExitCodes() {
        for (String command : new String[]{"run", "validate", "plan", "plugins", "schema", "report", "garch", "runs",
                "compare", "check"}) {
            Cli.Result r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Exit codes:") && r.out().contains("2   user error"), command + ": " + r.out());
        }
        assertTrue(run("garch", "--help").out().contains("fgarch"));
    }

    @Test
    void completionScript_isGenerated() {
        Cli.Result r = run("generate-completion");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("foresight") && r.out().contains("complete"), r.out());
    }

    @Test
    void runJson_isOneDocumentOnStdout(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("r.yaml"), BATCH);
        Cli.Result r = run("run", file, "--out", dir.resolve("out"), "--json", "--workers", "1");
        assertEquals(0, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(5, json.get("tasks").asInt());
        assertEquals(0, json.get("failed").asInt());
        assertTrue(json.get("database").asText().endsWith("results.duckdb"));
        assertEquals("ar", json.get("summary").get("rows").get(0).get("model").asText());
    }
}
