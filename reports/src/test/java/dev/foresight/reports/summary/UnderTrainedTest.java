package dev.foresight.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.result.BarRecord;
import dev.foresight.result.FoldWindow;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text summary names a model whose fit diagnostics say {@code under_trained} in some fold (the
 * LSTM's: max_epochs ran out while the validation loss still fell), with those folds, and stays
 * silent about models that converged or record no such flag. Result directory written by hand.
 */
class UnderTrainedTest {

    @TempDir
    Path root;

    @Test
    void summary_namesTheUnderTrainedModelAndItsFolds_onlyThatOne() {
        ResultDirectory dir = new ResultDirectory(root);
        ResolvedBatch config = new ResolvedBatch("b", "", 42, 252, 0, List.of(new ResolvedBatch.Experiment("e", Map.of(),
                Map.of("kind", "log-return"), List.of(), Map.of(), Map.of("kind", "sign"), 5, 0, List.of(),
                List.of(new ResolvedBatch.Model("rw", "random-walk", "none", Map.of()),
                        new ResolvedBatch.Model("lstm", "lstm", "zscore", Map.of()),
                        new ResolvedBatch.Model("lstm-ok", "lstm", "zscore", Map.of())), null, Map.of())));
        ResultJson.write(dir.config(), config);
        for (int fold = 0; fold < 3; fold++) {
            write(dir, "rw", fold, Map.of());
            write(dir, "lstm", fold, Map.of("under_trained", fold != 1, "training_status",
                    fold != 1 ? "still-improving" : "early-stopped"));
            write(dir, "lstm-ok", fold, Map.of("under_trained", false, "training_status", "early-stopped"));
        }

        Summary s = Summary.of(dir);
        String table = s.table();
        assertTrue(table.contains("under-trained: e/lstm in 2 of 3 folds (0, 2)"), table);
        assertEquals(1, table.lines().filter(l -> l.startsWith("under-trained:")).count(), table);
        assertFalse(table.contains("e/lstm-ok in"), table);
        assertFalse(table.contains("e/rw in"), table);

        s.write(dir);
        assertTrue(Summary.read(dir).table().contains("under-trained: e/lstm in 2 of 3 folds (0, 2)"),
                "a re-read summary flags it too");
    }

    private static void write(ResultDirectory dir, String model, int fold, Map<String, Object> diagnostics) {
        List<BarRecord> bars = new ArrayList<>();
        int first = 200 + 50 * fold;
        for (int t = first; t < first + 50; t++) {
            double actual = t % 2 == 0 ? 0.01 : -0.01;
            bars.add(new BarRecord(t, "2020-01-01", actual, 0.0, null, null, actual, 0.0, 1,
                    Math.expm1(actual), Math.expm1(actual), Map.of()));
        }
        FoldWindow w = new FoldWindow(fold, 0, first - 1, null, first - 1, first, first + 49, "a", "b", "c", "d", 1, 0);
        TaskResult task = new TaskResult(TaskResult.SCHEMA, "e/" + model + "/fold-00" + fold,
                new TaskResult.Subject("e", model, "x", Map.of(), 1),
                new TaskResult.Window("log-return(h=1)", 1, w),
                TaskResult.Outcome.SUCCEEDED,
                new TaskResult.Fit(List.of(), "none", List.of(), List.of(), first - 1, 0, 0),
                new TaskResult.Forecasts(true, diagnostics, bars),
                List.of(), "sha");
        ResultJson.write(dir.task("e", model, fold), task);
    }
}
