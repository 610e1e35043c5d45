package dev.foresight.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.error.UserError;
import dev.foresight.result.BarRecord;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.TaskResult;
import dev.foresight.statistics.DieboldMariano;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code foresight runs} and {@code foresight compare} on two real runs that differ in one model parameter. */
class RunComparisonTest {

    @TempDir
    static Path dir;
    static Path a;
    static Path b;

    @BeforeAll
    static void twoRuns() throws Exception {
        a = dir.resolve("runs/a");
        b = dir.resolve("runs/b");
        ResultsDatabaseTest.runBatch(dir, a, ResultsDatabaseTest.BATCH);
        ResultsDatabaseTest.runBatch(dir, b, ResultsDatabaseTest.BATCH.replace("p: 2, name: ar2", "p: 4, name: ar2"));
    }

    @Test
    void catalogue_listsEveryRunWithItsHashes() {
        List<RunCatalogue.Entry> runs = RunCatalogue.list(dir.resolve("runs"));
        assertEquals(2, runs.size(), runs.toString());
        for (RunCatalogue.Entry e : runs) {
            assertNull(e.problem());
            assertEquals("db", e.batch());
            assertEquals(9, e.tasks());
            assertEquals(0, e.failedTasks());
            assertNotNull(e.started());
        }
        assertTrue(!runs.get(0).batchSha256().equals(runs.get(1).batchSha256()), "the configs differ, so do their hashes");
    }

    @Test
    void catalogue_listsADamagedDatabaseAsSuch(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken").resolve(ResultsDatabase.FILE), "garbage\u0000".repeat(100));
        List<RunCatalogue.Entry> runs = RunCatalogue.list(root);
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).problem().startsWith("unreadable database"), runs.get(0).problem());
        assertTrue(runs.get(0).problem().length() < 120);
    }

    @Test
    void compare_namesTheChangedKeyAndTestsOnSharedBars() {
        RunComparison c = RunComparison.of(a, b);
        assertTrue(c.changes().stream().anyMatch(l -> l.matches("config experiments\\[0]\\.models\\[1]\\..*p: 2 -> 4")),
                c.changes().toString());
        assertTrue(c.changes().stream().noneMatch(l -> l.startsWith("data") || l.startsWith("code")), c.changes().toString());
        assertEquals(3, c.scores().size());
        RunComparison.Test same = find(c, "ret", "random-walk");
        assertEquals("same", same.verdict());
        RunComparison.Test ar = find(c, "ret", "ar2");
        // Independently: the DM statistic on the errors read from the task files, matched by date.
        double[][] errors = errors(a, b, "ret", "ar2");
        assertEquals(errors[0].length, ar.sharedBars());
        assertTrue(ar.sharedBars() > 100);
        DieboldMariano.Result expected = DieboldMariano.test(errors[1], errors[0], 1, DieboldMariano.Loss.SQUARED);
        assertEquals(expected.statistic(), ar.squaredStatistic(), 1e-12);
        assertEquals(expected.pValue(), ar.squaredP(), 1e-12);
        assertEquals(expected.pValue() < 0.05 ? (expected.statistic() < 0 ? "B better" : "A better") : "not significant",
                ar.verdict());
    }

    @Test
    void compare_aRunWithItselfChangesNothing() {
        RunComparison c = RunComparison.of(a, a);
        assertEquals(List.of(), c.changes());
        assertTrue(c.tests().stream().allMatch(t -> t.verdict().equals("same")), c.tests().toString());
    }

    @Test
    void compare_aFolderThatIsNotARunIsALocatedUserError(@TempDir Path other) {
        UserError e = assertThrows(UserError.class, () -> RunComparison.of(a, other));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("results.duckdb"), e.getMessage());
    }

    private static RunComparison.Test find(RunComparison c, String experiment, String model) {
        return c.tests().stream().filter(t -> t.experiment().equals(experiment) && t.model().equals(model)).findFirst()
                .orElseThrow();
    }

    private static double[][] errors(Path a, Path b, String experiment, String model) {
        Map<String, Double> byDate = new LinkedHashMap<>();
        for (TaskResult t : new ResultDirectory(a).readTasks(experiment, model)) {
            for (BarRecord r : t.bars()) {
                byDate.put(r.date(), r.forecast() - r.actual());
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (TaskResult t : new ResultDirectory(b).readTasks(experiment, model)) {
            for (BarRecord r : t.bars()) {
                if (byDate.containsKey(r.date())) {
                    pairs.add(new double[]{byDate.get(r.date()), r.forecast() - r.actual()});
                }
            }
        }
        double[][] out = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[0][i] = pairs.get(i)[0];
            out[1][i] = pairs.get(i)[1];
        }
        return out;
    }
}
