package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.foresight.run.engine.TaskPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result store deletes only files Foresight wrote, even inside its own {@code tasks/}. */
class ResultStoreTest {

    /** A directory of ours with stale task files next to files the user put there. */
    private static Path resultWithUserFiles(Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        try (ResultStore store = ResultStore.open(out, false, List.of("test"))) {
            Files.createDirectories(out.resolve("tasks/e/old-model"));
            Files.writeString(out.resolve("tasks/e/old-model/fold-000.json"), "{}");
            Files.writeString(out.resolve("tasks/e/old-model/.fold-001.json.123.tmp"), "{");
            Files.writeString(out.resolve("tasks/e/notes.txt"), "mine");
            Files.createDirectories(out.resolve("tasks/e/ar"));
            Files.writeString(out.resolve("tasks/e/ar/my-analysis.json"), "mine too");
            Files.createDirectories(out.resolve("tasks/e/scratch"));
            Files.writeString(out.resolve("tasks/e/scratch/fold-000.csv"), "mine as well");
        }
        return out;
    }

    private static void assertUserFilesKept(Path out) throws IOException {
        assertFalse(Files.exists(out.resolve("tasks/e/old-model")), "stale task files and their directory go");
        assertEquals("mine", Files.readString(out.resolve("tasks/e/notes.txt")));
        assertEquals("mine too", Files.readString(out.resolve("tasks/e/ar/my-analysis.json")));
        assertEquals("mine as well", Files.readString(out.resolve("tasks/e/scratch/fold-000.csv")));
    }

    @Test
    void removeStaleTasks_keepsFilesForesightDidNotWrite(@TempDir Path tmp) throws IOException {
        Path out = resultWithUserFiles(tmp);
        try (ResultStore store = ResultStore.open(out, false, List.of("test"))) {
            store.removeStaleTasks(new TaskPlan(List.of()));
        }
        assertUserFilesKept(out);
    }

    @Test
    void freshOpen_keepsFilesForesightDidNotWrite(@TempDir Path tmp) throws IOException {
        Path out = resultWithUserFiles(tmp);
        try (ResultStore store = ResultStore.open(out, true, List.of("test"))) {
            assertUserFilesKept(out);
        }
    }
}
