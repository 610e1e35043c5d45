package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.model.FitProgress;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.result.TaskResult;
import dev.foresight.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run on the local engine hands every epoch of its LSTM tasks to the run's {@link
 * Progress}, bound to the right task and fold, from the worker threads; the task files are the
 * same bytes as a run nobody watches.
 */
class EpochProgressTest {

    @TempDir
    Path dir;

    private record Heard(String task, int fold, FitProgress.Epoch report) {
    }

    /** Records every epoch (from any thread) and the tasks finished. */
    private static final class Listening implements Progress {
        final ConcurrentLinkedQueue<Heard> epochs = new ConcurrentLinkedQueue<>();
        final Set<String> finished = Collections.synchronizedSet(new TreeSet<>());

        @Override
        public void epoch(String taskId, int fold, FitProgress.Epoch report) {
            epochs.add(new Heard(taskId, fold, report));
        }

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

    private BatchSpec batch() throws IOException {
        Path file = Files.writeString(dir.resolve("epochs.yaml"), """
                name: epochs
                seed: 9
                data:
                  synthetic: {kind: gbm, bars: 400, seed: 6}
                experiments:
                  - name: ret
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 2}]
                    walk_forward: {train: 200, test: 60, validation: 0.2, max_folds: 3}
                    leakage: {perturb_folds: 1}
                    models:
                      - {kind: random-walk}
                      - {kind: lstm, name: net, window: 5, lstm_units: [4], dense_units: [0], max_epochs: 3, patience: 3}
                """);
        return new BatchParser(PluginRegistry.discover(), dir).parse(YamlReader.read(file), file);
    }

    private BatchRunner.Outcome run(Path out, Progress progress) throws IOException {
        return new BatchRunner().run(batch(), new BatchRunner.Options(out, 2, progress, List.of("test"), "code", false));
    }

    @Test
    void localRun_reportsEachLstmTasksEpochsWithItsTaskAndFold_andWritesTheSameBytes() throws IOException {
        Listening listening = new Listening();
        Path watched = dir.resolve("watched");
        BatchRunner.Outcome outcome = run(watched, listening);
        assertEquals(0, outcome.failed());

        Map<String, List<Heard>> byTask = new TreeMap<>();
        for (Heard h : listening.epochs) {
            byTask.computeIfAbsent(h.task(), k -> new ArrayList<>()).add(h);
        }
        // only the network's tasks train by epochs; each reports its own fold, epochs 1..n in order,
        // and only its own fit (fold 0's future-perturbation refit reports nothing)
        assertEquals(Set.of("ret/net/fold-000", "ret/net/fold-001", "ret/net/fold-002"), byTask.keySet());
        byTask.forEach((task, heard) -> {
            int fold = Integer.parseInt(task.substring(task.length() - 3));
            assertTrue(heard.size() >= 1 && heard.size() <= 3, task + ": " + heard);
            for (int i = 0; i < heard.size(); i++) {
                assertEquals(fold, heard.get(i).fold(), task);
                assertEquals(i + 1, heard.get(i).report().epoch(), task);
                assertEquals(3, heard.get(i).report().maxEpochs(), task);
                assertTrue(Double.isFinite(heard.get(i).report().validationLoss()), task);
            }
        });

        Path unwatched = dir.resolve("unwatched");
        run(unwatched, Progress.NONE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(watched.resolve("tasks"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(6, files.size(), files.toString());
        for (Path f : files) {
            Path rel = watched.relativize(f);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(unwatched.resolve(rel)), rel.toString());
        }
    }
}
