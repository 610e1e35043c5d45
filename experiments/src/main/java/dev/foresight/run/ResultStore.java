package dev.foresight.run;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.reports.html.HtmlReport;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.TaskResult;
import dev.foresight.run.engine.PlannedTask;
import dev.foresight.run.engine.TaskOutcome;
import dev.foresight.run.engine.TaskPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The only reader and writer of a run's result directory ({@link ResultDirectory} is its layout):
 * it decides whether a directory may be written at all, reuses finished tasks, writes each task
 * file as its outcome arrives (atomically: a file is old or complete, never half-written) and
 * removes task files the batch no longer produces. Engines never write; the driver hands
 * outcomes here, on one thread.
 */
final class ResultStore {

    private final ResultDirectory dir;

    private ResultStore(ResultDirectory dir) {
        this.dir = dir;
    }

    ResultDirectory directory() {
        return dir;
    }

    /**
     * Opens {@code out} for a run: creates it, or prepares a Foresight result directory for another
     * run — its summaries go (they are rewritten at the end), its task files stay to be reused when
     * their keys still match, unless {@code fresh}. Refuses any other non-empty directory.
     */
    static ResultStore open(Path out, boolean fresh) {
        ResultDirectory dir = new ResultDirectory(out);
        try {
            if (Files.isDirectory(out)) {
                boolean ours = Files.exists(dir.config()) || Files.exists(dir.manifest());
                try (Stream<Path> entries = Files.list(out)) {
                    if (!ours && entries.findAny().isPresent()) {
                        throw new UserError(Location.of(out.toString()), "the output directory is not empty and holds no "
                                + "Foresight result: choose another --out");
                    }
                }
                if (fresh) {
                    deleteTree(out.resolve("tasks"));
                }
                // leftovers of a write interrupted between the temporary file and its rename
                try (Stream<Path> entries = Files.list(out)) {
                    for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().endsWith(".tmp")).toList()) {
                        Files.delete(p);
                    }
                }
                for (String f : List.of(ResultDirectory.SUMMARY_JSON, ResultDirectory.SUMMARY_CSV, ResultDirectory.TIMINGS,
                        ResultDirectory.MANIFEST, HtmlReport.REPORT_HTML, HtmlReport.METRICS_CSV, HtmlReport.RESULTS_JSON,
                        HtmlReport.REPORT_PDF)) {
                    Files.deleteIfExists(out.resolve(f));
                }
            } else if (Files.exists(out)) {
                throw new UserError(Location.of(out.toString()), "the output path exists and is not a directory");
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError(Location.of(out.toString()), "cannot prepare the output directory: " + e.getMessage());
        }
        return new ResultStore(dir);
    }

    void writeConfig(byte[] resolvedConfig) {
        AtomicFiles.write(dir.config(), resolvedConfig);
    }

    /**
     * The stored result of {@code task} from an earlier run, if its cache key matches. Failed tasks
     * are run again (the failure may have been transient); an unreadable file (a run killed in an
     * unlucky place cannot make one, since files are renamed into place, but a user might) is
     * recomputed too.
     */
    TaskResult cached(PlannedTask task) {
        Path file = dir.task(task.experiment(), task.model(), task.fold());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            TaskResult r = ResultJson.read(file, TaskResult.class);
            return r.ok() && task.cacheKey().equals(r.inputsSha256()) ? r : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Writes a computed or failed task's file: exactly the bytes its unit runner produced. */
    void write(TaskOutcome outcome) {
        PlannedTask t = outcome.task();
        Path file = dir.task(t.experiment(), t.model(), t.fold());
        if (outcome instanceof TaskOutcome.Computed c) {
            AtomicFiles.write(file, c.json());
        } else if (outcome instanceof TaskOutcome.Failed f) {
            AtomicFiles.write(file, f.json());
        } else {
            throw new IllegalArgumentException(t.id() + " is already stored");
        }
    }

    /** Deletes task files the plan does not produce (models or folds that no longer exist). */
    void removeStaleTasks(TaskPlan plan) {
        Set<Path> current = new HashSet<>();
        for (PlannedTask t : plan.tasks()) {
            current.add(dir.task(t.experiment(), t.model(), t.fold()).toAbsolutePath());
        }
        Path root = dir.root().resolve("tasks");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && !current.contains(p.toAbsolutePath())) {
                    Files.delete(p);
                } else if (Files.isDirectory(p) && !p.equals(root)) {
                    try (Stream<Path> children = Files.list(p)) {
                        if (children.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
        }
    }

    /** Writes a JSON file of the run (canary, timings, manifest) atomically. */
    void writeJson(String name, Object value) {
        ResultJson.write(dir.file(name), value);
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(dir.file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.file(name) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
