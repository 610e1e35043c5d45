package dev.foresight.cli;

import static dev.foresight.cli.Cli.bytes;
import static dev.foresight.cli.Cli.files;
import static dev.foresight.cli.Cli.read;
import static dev.foresight.cli.Cli.run;
import static dev.foresight.cli.Cli.taskFiles;
import static dev.foresight.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foresight run} end to end, on small synthetic and CSV batches written to a temp directory. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * 300 bars. Experiment ret: folds test from bars 150, 200, 250 (3 folds). Experiment vol:
     * horizon 5 + embargo 5, folds from bars 159, 209, 259 (3 folds). 15 tasks in all.
     */
    static final String SMALL = """
            name: small
            seed: 3
            data:
              synthetic: {kind: gbm, bars: 300, seed: 5}
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 3}]
                walk_forward: {train: 150, test: 50}
                strategy: {kind: sign}
                costs: {bps: 5}
                regimes: [{kind: volatility, window: 10}]
                models:
                  - {kind: random-walk}
                  - {kind: historical-mean}
                  - {kind: ar, p: 2, name: ar2}
              - name: vol
                target: {kind: realised-vol, horizon: 5}
                walk_forward: {train: 150, test: 50, embargo: 5}
                models:
                  - {kind: random-walk}
                  - {kind: ar, p: 1}
            """;

    private static final List<String> SMALL_TASKS = expectedTasks();

    private static List<String> expectedTasks() {
        List<String> out = new ArrayList<>();
        for (String m : List.of("random-walk", "historical-mean", "ar2")) {
            for (int f = 0; f < 3; f++) {
                out.add("tasks/ret/" + m + "/fold-00" + f + ".json");
            }
        }
        for (String m : List.of("random-walk", "ar")) {
            for (int f = 0; f < 3; f++) {
                out.add("tasks/vol/" + m + "/fold-00" + f + ".json");
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + file, e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat "), "a user error must not print a stack trace:\n" + r);
        assertFalse(r.out().contains("\tat "), "a user error must not print a stack trace:\n" + r);
    }

    @Test
    void run_writesEveryResultFileAndPrintsTheSummaryTable(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", batch, "--out", out, "--workers", "2", "-q");

        assertEquals(Main.OK, r.code(), r.toString());
        for (String label : List.of("random-walk", "historical-mean", "ar2", "ar")) {
            assertTrue(r.out().contains("  " + label + " "), "summary table lacks " + label + ":\n" + r);
        }
        assertTrue(r.out().contains("experiment ret") && r.out().contains("experiment vol"), r.toString());
        assertTrue(r.out().contains("15 tasks, 0 failed"), r.toString());

        assertEquals(SMALL_TASKS, taskFiles(out));
        for (String f : List.of("config.resolved.json", "manifest.json", "summary.json", "summary.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing; have " + files(out));
        }

        JsonNode manifest = json(out.resolve("manifest.json"));
        assertEquals(3, manifest.path("batch").path("seed").asLong());
        assertEquals(System.getProperty("java.version"), manifest.path("runtime").path("java_version").asText());
        for (String e : List.of("ret", "vol")) {
            JsonNode data = manifest.path("data").path(e);
            assertTrue(data.path("data_sha256").asText().matches("[0-9a-f]{64}"), "data SHA-256 of " + e + ": " + data);
            assertEquals(300, data.path("bars").asInt());
        }

        JsonNode task = json(out.resolve("tasks/ret/ar2/fold-001.json"));
        assertEquals("ok", task.path("status").asText());
        assertEquals("ar2", task.path("model").asText());
        assertEquals(1, task.path("fold").path("index").asInt());
        assertEquals(200, task.path("fold").path("testStart").asInt());
        assertEquals(50, task.path("bars").size());

        JsonNode summary = json(out.resolve("summary.json"));
        assertEquals(5, summary.path("rows").size());
        List<String> csv = read(out.resolve("summary.csv")).lines().toList();
        assertTrue(csv.get(0).startsWith("experiment,model,target,folds,failed_folds,bars,mse"), csv.get(0));
        assertEquals(6, csv.size(), "a header and one line per experiment x model");
        assertTrue(csv.contains(csv.stream().filter(l -> l.startsWith("ret,ar2,")).findFirst().orElse("")),
                "summary.csv has ret,ar2");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("vol,ar,realised-vol(h=5),3,0,")), String.join("\n", csv));
    }

    @Test
    void run_isByteIdenticalAcrossOutputDirectoriesAndWorkerCounts(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");

        assertEquals(Main.OK, run("run", batch, "--out", one, "--workers", "1", "-q").code());
        assertEquals(Main.OK, run("run", batch, "--out", two, "--workers", "2", "-q").code());

        List<String> compared = new ArrayList<>(taskFiles(one));
        assertEquals(SMALL_TASKS, compared);
        assertEquals(compared, taskFiles(two));
        // The README's promise: task files, summaries and the report's data files; report.html
        // (its generation time), manifest.json and timings.json hold times and are left out.
        compared.addAll(List.of("summary.json", "summary.csv", "summary_regimes.csv", "config.resolved.json",
                "metrics.csv", "results.json"));
        for (String f : compared) {
            assertArrayEquals(bytes(one.resolve(f)), bytes(two.resolve(f)), f + " differs between the two runs");
        }
        assertEquals(json(one.resolve("manifest.json")).path("data"), json(two.resolve("manifest.json")).path("data"));
    }

    /**
     * A tiny LSTM with {@code warm_start: true} beside the same network without it and a random walk:
     * 400 bars, 3 folds each, 9 tasks; the warm one's folds are one chain.
     */
    static final String WARM_LSTM = """
            name: warm
            seed: 9
            data:
              synthetic: {kind: gbm, bars: 400, seed: 6}
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 2}]
                walk_forward: {train: 200, test: 60, validation: 0.2, max_folds: 3}
                models:
                  - {kind: random-walk}
                  - {kind: lstm, name: warm, window: 5, lstm_units: [4], dense_units: [0], max_epochs: 3, patience: 2, warm_start: true}
                  - {kind: lstm, name: cold, window: 5, lstm_units: [4], dense_units: [0], max_epochs: 3, patience: 2}
            """;

    @Test
    void run_withAWarmStartedLstm_isByteIdenticalAcrossWorkerCountsAndResumesAPartialChain(@TempDir Path tmp)
            throws IOException {
        Path batch = write(tmp.resolve("warm.yaml"), WARM_LSTM);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(Main.OK, run("run", batch, "--out", one, "--workers", "1", "-q").code());
        assertEquals(Main.OK, run("run", batch, "--out", two, "--workers", "2", "-q").code());
        List<String> tasks = taskFiles(one);
        assertEquals(9, tasks.size(), tasks.toString());
        assertEquals(tasks, taskFiles(two));
        for (String f : tasks) {
            assertArrayEquals(bytes(one.resolve(f)), bytes(two.resolve(f)), f + " differs between 1 and 2 workers");
        }
        JsonNode first = json(one.resolve("tasks/ret/warm/fold-000.json"));
        assertTrue(first.path("modelParameters").path("warm_start").asBoolean(), first.path("modelParameters").toString());
        assertTrue(first.path("diagnostics").path("warm_start").asBoolean());
        assertTrue(first.path("diagnostics").path("initialised_from_fold").isMissingNode(), "fold 0 starts fresh");
        for (int k = 1; k < 3; k++) {
            JsonNode d = json(one.resolve("tasks/ret/warm/fold-00" + k + ".json")).path("diagnostics");
            assertEquals(k - 1, d.path("initialised_from_fold").asInt(-1), d.toString());
        }
        JsonNode cold = json(one.resolve("tasks/ret/cold/fold-001.json"));
        assertFalse(cold.path("modelParameters").path("warm_start").asBoolean());
        assertTrue(cold.path("diagnostics").path("warm_start").isMissingNode());

        // A run killed during the chain's last fold: the chain runs again from fold 0, to the same bytes.
        Files.delete(two.resolve("tasks/ret/warm/fold-002.json"));
        Cli.Result resumed = run("run", batch, "--out", two, "--workers", "2", "-q");
        assertEquals(Main.OK, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("9 tasks, 0 failed (6 reused from an earlier run)"), resumed.out());
        for (String f : tasks) {
            assertArrayEquals(bytes(one.resolve(f)), bytes(two.resolve(f)), f + " differs after the resumed chain");
        }
    }

    @Test
    void verboseProgressAndTheStartLine_goToTheGivenErrorStream(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"), "-v");

        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.err().contains("foresight: running batch 'small' (2 experiments)"), r.toString());
        assertEquals(15, r.err().lines().filter(l -> l.matches("\\[\\d+/15\\] \\S+/fold-\\d{3} ok .*")).count(),
                "one progress line per task:\n" + r);
    }

    @Test
    void quiet_printsNothingButTheSummary(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"), "-q");

        assertEquals(Main.OK, r.code(), r.toString());
        assertEquals("", r.err(), r.toString());
    }

    // --- CSV data -------------------------------------------------------------------------------

    /** A Yahoo-style daily file: {@code bars} weekdays from 2020-01-02, a gentle random walk. */
    static String yahooCsv(int bars) {
        StringBuilder s = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        LocalDate d = LocalDate.of(2020, 1, 2);
        Random random = new Random(11);
        double close = 100;
        for (int i = 0; i < bars; i++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            double open = close;
            close = open * Math.exp(0.01 * random.nextGaussian());
            double high = Math.max(open, close) * 1.004;
            double low = Math.min(open, close) * 0.996;
            s.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%d%n", d, open, high, low, close,
                    close, 1_000_000 + i));
            d = d.plusDays(1);
        }
        return s.toString();
    }

    private static final String CSV_BATCH = """
            name: csv
            data:
              path: prices/SPY.csv
            experiments:
              - name: ret
                target: {kind: log-return, horizon: 1}
                walk_forward: {train: 120, test: 40}
                models:
                  - {kind: random-walk}
                  - {kind: historical-mean}
            """;

    @Test
    void csvDataSource_withARelativePath_resolvesAgainstTheBatchFilesDirectory(@TempDir Path tmp) throws Exception {
        Path csv = write(tmp.resolve("batches/prices/SPY.csv"), yahooCsv(250));
        Path batch = write(tmp.resolve("batches/csv.yaml"), CSV_BATCH);
        Path out = tmp.resolve("out");

        // The working directory (the module directory under surefire) is not the batch's directory.
        assertFalse(Files.exists(Path.of("prices/SPY.csv")), "test set-up: the path must not resolve from the cwd");
        Cli.Result r = run("run", batch, "--out", out, "-q");

        assertEquals(Main.OK, r.code(), r.toString());
        JsonNode series = json(out.resolve("manifest.json")).path("data").path("ret").path("series").get(0);
        assertEquals("SPY", series.path("symbol").asText());
        assertEquals(sha256(Files.readAllBytes(csv)), series.path("file_sha256").asText());
        assertEquals(250, json(out.resolve("manifest.json")).path("data").path("ret").path("bars").asInt());
        // 250 bars, train 120, test 40: test blocks from bars 120, 160, 200, 240
        assertEquals(8, taskFiles(out).size(), "2 models x 4 folds: " + taskFiles(out));
    }

    @Test
    void malformedCsv_isExit2NamingFileLineAndColumnWithoutStackTrace(@TempDir Path tmp) {
        List<String> lines = new ArrayList<>(yahooCsv(250).lines().toList());
        // line 7 of the file (the header is line 1): high 90 below low 95
        lines.set(6, "2020-01-10,100.0,90.0,95.0,96.0,96.0,1000");
        Path csv = write(tmp.resolve("prices/SPY.csv"), String.join("\n", lines) + "\n");
        Path batch = write(tmp.resolve("csv.yaml"), CSV_BATCH);
        Path out = tmp.resolve("out");

        Cli.Result r = run("run", batch, "--out", out);

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(csv + ":7:3 (High)"), "file:line:column (column name) expected:\n" + r);
        assertTrue(r.err().contains("high >= low"), "the rule broken:\n" + r);
        assertNoStackTrace(r);
        assertFalse(Files.exists(out), "nothing is written for a batch that cannot start: " + files(out));
    }

    @Test
    void dataErrorOnRerun_leavesThePreviousResultsUntouched(@TempDir Path tmp) {
        Path csv = write(tmp.resolve("prices/SPY.csv"), yahooCsv(250));
        Path batch = write(tmp.resolve("csv.yaml"), CSV_BATCH);
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("run", batch, "--out", out, "-q").code());
        List<String> before = files(out);
        byte[] summary = bytes(out.resolve("summary.json"));

        write(csv, yahooCsv(250).replace("Adj Close", "Adj Close,Extra"));
        Cli.Result r = run("run", batch, "--out", out, "-q");

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertEquals(before, files(out), "a batch that cannot start must not delete the previous results");
        assertArrayEquals(summary, bytes(out.resolve("summary.json")));
    }

    // --- bad command lines and batch files ---------------------------------------------------------

    @Test
    void badYaml_isExit2WithFileAndLine(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("bad.yaml"), SMALL.replace("{kind: ar, p: 2, name: ar2}", "{kind: ar, p: 2, name: ar2"));

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"));

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().matches("(?s)error: " + java.util.regex.Pattern.quote(batch.toString()) + ":\\d+:\\d+.*invalid YAML.*"),
                r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void invalidParameter_isExit2WithFileLineAndField(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("bad.yaml"), SMALL.replace("{kind: ar, p: 1}", "{kind: ar, p: 0}"));

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"));

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(batch + ":22:23"), r.toString());
        assertTrue(r.err().contains("(experiments[1].models[1].p)"), r.toString());
        assertNoStackTrace(r);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written for an invalid batch");
    }

    @Test
    void missingBatchFile_isExit2(@TempDir Path tmp) {
        Cli.Result r = run("run", tmp.resolve("nope.yaml"), "--out", tmp.resolve("out"));

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("nope.yaml") && r.err().contains("file not found"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void unknownOption_isExit2(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);

        Cli.Result r = run("run", batch, "--wrokers", "2");

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("--wrokers"), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void zeroWorkers_isExit2(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"), "--workers", "0");

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("--workers must be at least 1"), r.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void missingCsvFile_isExit2NamingTheResolvedPath(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("csv.yaml"), CSV_BATCH);

        Cli.Result r = run("run", batch, "--out", tmp.resolve("out"));

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains(tmp.resolve("prices/SPY.csv").toString()) && r.err().contains("file not found"),
                r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void outputPathThatIsAFile_isExit2(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);
        Path file = write(tmp.resolve("out.txt"), "x");

        Cli.Result r = run("run", batch, "--out", file);

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("not a directory"), r.toString());
        assertEquals("x", read(file));
    }

    @Test
    void unknownSubcommand_isExit2() {
        Cli.Result r = run("rnu", "batch.yaml");
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("rnu"), r.toString());
    }

    @Test
    void noSubcommand_isExit2() {
        Cli.Result r = run();
        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("run, plan or plugins"), r.toString());
    }

    // --- the output directory ------------------------------------------------------------------------

    @Test
    void nonEmptyForeignOutputDirectory_isRefusedAndLeftAsItWas(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);
        Path out = tmp.resolve("thesis");
        write(out.resolve("chapter1.tex"), "precious");

        Cli.Result r = run("run", batch, "--out", out);

        assertEquals(Main.USER_ERROR, r.code(), r.toString());
        assertTrue(r.err().contains("not empty") && r.err().contains("--out"), r.toString());
        assertEquals(List.of("chapter1.tex"), files(out));
        assertEquals("precious", read(out.resolve("chapter1.tex")));
    }

    @Test
    void rerunIntoTheSameResultDirectory_replacesOldTaskFiles(@TempDir Path tmp) {
        Path batch = write(tmp.resolve("small.yaml"), SMALL);
        Path out = tmp.resolve("out");
        assertEquals(Main.OK, run("run", batch, "--out", out, "-q").code());
        assertTrue(Files.exists(out.resolve("tasks/ret/ar2/fold-002.json")));

        // 250 bars: ret's test blocks start at 150 and 200 only, so fold 2 no longer exists.
        Cli.Result r = run("run", batch, "--out", out, "-q", "--set", "data.synthetic.bars=250");

        assertEquals(Main.OK, r.code(), r.toString());
        assertFalse(Files.exists(out.resolve("tasks/ret/ar2/fold-002.json")), "a fold that no longer exists lingered");
        assertEquals(List.of("tasks/ret/ar2/fold-000.json", "tasks/ret/ar2/fold-001.json"),
                taskFiles(out).stream().filter(f -> f.startsWith("tasks/ret/ar2/")).toList());
        assertEquals(250, json(out.resolve("manifest.json")).path("data").path("ret").path("bars").asInt());
        assertEquals(2, json(out.resolve("summary.json")).path("rows").get(0).path("folds").asInt());
    }
}
