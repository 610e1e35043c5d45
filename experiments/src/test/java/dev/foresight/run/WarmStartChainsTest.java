package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folds of a warm-starting model run as one chain: in fold order, each from the previous
 * fold's fit and nothing later, byte-identical whatever the number of workers; a chain is reused
 * only when all its fold files are, otherwise run again from fold 0 to identical files.
 * ({@code chained-mean} is a test-only model, {@link ChainedMeanProvider}.)
 */
class WarmStartChainsTest {

    private static final int FOLDS = 4;

    @TempDir
    Path dir;

    private BatchSpec batch() throws IOException {
        Path file = Files.writeString(dir.resolve("chains.yaml"), """
                name: chains
                seed: 11
                data:
                  synthetic: {kind: gbm, bars: 700, seed: 4}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 2}]
                    walk_forward: {train: 300, test: 100, max_folds: 4}
                    leakage: {perturb_folds: 4}
                    models:
                      - {kind: random-walk}
                      - {kind: chained-mean, name: chain}
                      - {kind: chained-mean, name: independent, warm_start: false}
                      - {kind: ar, p: 1}
                """);
        return new BatchParser(PluginRegistry.discover(), dir).parse(YamlReader.read(file), file);
    }

    /** Records the order in which tasks are reported finished. */
    static final class Order implements Progress {
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(int tasks, int cached) {
        }

        @Override
        public void finished(TaskResult result, double seconds, boolean cached) {
            finished.add(result.taskId());
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void done() {
        }
    }

    private BatchRunner.Outcome run(Path out, int workers, Progress progress) throws IOException {
        return new BatchRunner().run(batch(), new BatchRunner.Options(out, workers, progress, List.of("test"), "code",
                false));
    }

    private static TaskResult task(Path out, String model, int fold) {
        return ResultJson.read(out.resolve("tasks/e/" + model + "/fold-00" + fold + ".json"), TaskResult.class);
    }

    private static List<String> taskFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root.resolve("tasks"))) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameTaskFiles(Path a, Path b) throws IOException {
        List<String> files = taskFiles(a);
        assertEquals(4 * FOLDS, files.size(), files.toString());
        assertEquals(files, taskFiles(b));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void warmStartChains_aWarmStartingModelsFoldsRunInOrderEachFromThePreviousFoldsFitAndNothingLater() throws IOException {
        Path out = dir.resolve("out");
        Order order = new Order();
        BatchRunner.Outcome outcome = run(out, 3, order);
        assertEquals(4 * FOLDS, outcome.tasks());
        assertEquals(0, outcome.failed());
        assertTrue(outcome.leaks().isEmpty(), outcome.leaks().toString());

        List<Object> lastTrainingBars = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            TaskResult r = task(out, "chain", k);
            lastTrainingBars.add(r.fold().trainEnd() + r.fold().horizon());
            // its lineage: the last training bar of folds 0..k, in order — no later fold
            assertEquals(lastTrainingBars, r.diagnostics().get("lineage"), "fold " + k);
            if (k == 0) {
                assertFalse(r.diagnostics().containsKey("initialised_from_fold"));
            } else {
                assertEquals(k - 1, r.diagnostics().get("initialised_from_fold"));
            }
            // the future-perturbation refit (every fold here) started from the same fit, so it passes
            String from = k == 0 ? "" : "from fold " + (k - 1) + "'s model";
            assertTrue(r.checks().stream().anyMatch(c -> c.check().equals("future-perturbation") && !c.failed()
                    && c.evidence().contains(from)), r.checks().toString());
            TaskResult independent = task(out, "independent", k);
            assertEquals(List.of(independent.fold().trainEnd() + independent.fold().horizon()),
                    independent.diagnostics().get("lineage"), "warm_start: false fits each fold fresh");
        }
        List<String> chain = order.finished.stream().filter(id -> id.startsWith("e/chain/")).toList();
        assertEquals(List.of("e/chain/fold-000", "e/chain/fold-001", "e/chain/fold-002", "e/chain/fold-003"), chain,
                "the chain's folds finish in fold order");
    }

    @Test
    void warmStartChains_aChainIsByteIdenticalAcrossWorkerCounts() throws IOException {
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        run(one, 1, Progress.NONE);
        run(three, 3, Progress.NONE);
        assertSameTaskFiles(one, three);
        assertArrayEquals(Files.readAllBytes(one.resolve("summary.json")), Files.readAllBytes(three.resolve("summary.json")));
    }

    @Test
    void warmStartChains_aPartlyCachedChainRunsAgainFromFoldZeroToIdenticalFilesAndAWholeOneIsReused() throws IOException {
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        run(whole, 2, Progress.NONE);
        run(resumed, 2, Progress.NONE);

        BatchRunner.Outcome again = run(resumed, 2, Progress.NONE);
        assertEquals(4 * FOLDS, again.cached(), "every chain whole: all reused");

        // A run killed while the chain was at fold 2: its later files missing, one independent task too.
        Files.delete(resumed.resolve("tasks/e/chain/fold-002.json"));
        Files.delete(resumed.resolve("tasks/e/chain/fold-003.json"));
        Files.delete(resumed.resolve("tasks/e/ar/fold-001.json"));
        BatchRunner.Outcome r = run(resumed, 2, Progress.NONE);
        assertEquals(4 * FOLDS - FOLDS - 1, r.cached(), "the chain's cached folds 0 and 1 are run again with it");
        assertSameTaskFiles(whole, resumed);

        // A damaged early fold: the same.
        Files.writeString(resumed.resolve("tasks/e/chain/fold-000.json"), "{\"schema\": 1, \"ta");
        assertEquals(4 * FOLDS - FOLDS, run(resumed, 2, Progress.NONE).cached());
        assertSameTaskFiles(whole, resumed);
    }
}
