package dev.foresight.run;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.reports.html.HtmlReport;
import dev.foresight.result.AtomicFiles;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import dev.foresight.result.ResultMarker;
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
 * it decides whether a directory may be written at all (only one Foresight created: {@link
 * #MARKER}), holds the directory's lock for the run ({@link #LOCK}), reuses finished tasks, writes each task
 * file as its outcome arrives (atomically: a file is old or complete, never half-written) and
 * removes task files the batch no longer produces. Engines never write; the driver hands
 * outcomes here, on one thread.
 */
public final class ResultStore implements AutoCloseable {

    private final ResultDirectory dir;
    private final Lock lock;

    private ResultStore(ResultDirectory dir, Lock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    ResultDirectory directory() {
        return dir;
    }

    /** The marker Foresight writes into every directory it creates for results ({@link ResultMarker}). */
    static final String MARKER = ResultMarker.FILE;

    /** The lock file: held (an OS file lock) by the one run writing the directory; names it. */
    static final String LOCK = ".foresight.lock";

    /** The result directory layout version written in the marker; a newer one is refused. */
    static final int FORMAT = ResultMarker.FORMAT;

    /** Who holds the lock, written into the lock file for the next run's message. */
    record Holder(long pid, String host, String started, String command) {
    }

    /**
     * Opens {@code out} for a run: refuses a directory Foresight did not create (before touching
     * anything in it), takes the directory's lock (a second run into it stops here, naming the
     * first), then prepares it — its summaries go (they are rewritten at the end), its task files
     * stay to be reused when their keys still match, unless {@code fresh}.
     *
     * @throws UserError (exit 2) for a directory that is not ours, or is being written by another run
     * @throws StorageError (exit 6) when the file system refuses (permissions, a full disk)
     */
    static ResultStore open(Path out, boolean fresh, List<String> command) {
        ResultDirectory dir = new ResultDirectory(out);
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserError(Location.of(out.toString()), "the output path exists and is not a directory");
            }
            boolean marked = Files.isRegularFile(out.resolve(MARKER));
            if (Files.isDirectory(out) && !marked && !isEmpty(out) && !LegacyLayout.isOurs(out)) {
                throw new UserError(Location.of(out.toString()), "the output directory is not empty and was not created "
                        + "by Foresight (it has no " + MARKER + "); nothing in it was changed: choose another --out");
            }
            if (marked) {
                checkFormat(out.resolve(MARKER));
            }
            Files.createDirectories(out);
            ResultStore store = new ResultStore(dir, Lock.take(out.resolve(LOCK), command));
            try {
                if (!marked) {
                    ResultJson.write(out.resolve(MARKER), new ResultMarker(FORMAT, "foresight " + CodeVersion.get().get("version"),
                            java.time.Instant.now().toString()));
                }
                store.prepare(fresh);
            } catch (RuntimeException | IOException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (IOException e) {
            throw StorageError.of(out, e);
        }
    }

    /**
     * Opens a finished run's directory to re-render its report ({@code foresight report}): the same
     * rules as a run — a directory Foresight did not create is refused before anything in it is
     * touched, and the lock is held while the report files are rewritten, so a report never mixes
     * with a run writing the same directory. Nothing else in the directory changes.
     *
     * @throws UserError (exit 2) for a missing directory, one that is not ours or not a finished run,
     *     or one another run is writing
     * @throws StorageError (exit 6) when the file system refuses (a read-only directory)
     */
    public static ResultStore openForReport(Path dir, List<String> command) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(Location.of(dir.toString()), "no such directory");
        }
        try {
            boolean marked = Files.isRegularFile(dir.resolve(MARKER));
            if (!marked && !LegacyLayout.isOurs(dir)) {
                throw new UserError(Location.of(dir.toString()), "not a Foresight result directory (it has no " + MARKER
                        + "); nothing in it was changed: give the --out directory of a 'foresight run'");
            }
            if (marked) {
                checkFormat(dir.resolve(MARKER));
            }
            ResultDirectory results = new ResultDirectory(dir);
            if (!Files.isRegularFile(results.config())) {
                throw new UserError(Location.of(dir.toString()), "no finished run here (no " + ResultDirectory.CONFIG
                        + "); run the batch into it first");
            }
            return new ResultStore(results, Lock.take(dir.resolve(LOCK), command));
        } catch (IOException e) {
            throw StorageError.of(dir.resolve(LOCK), e);
        }
    }

    /** The directory's layout, for those that read it (the report). */
    public ResultDirectory results() {
        return dir;
    }

    private void prepare(boolean fresh) throws IOException {
        Path out = dir.root();
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
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void checkFormat(Path marker) {
        ResultMarker m;
        try {
            m = ResultJson.read(marker, ResultMarker.class);
        } catch (RuntimeException e) {
            throw new UserError(Location.of(marker.toString()), "unreadable result-directory marker (" + e.getMessage()
                    + "); nothing was changed: choose another --out");
        }
        if (m.format() > FORMAT) {
            throw new UserError(Location.of(marker.toString()), "written by a newer Foresight (result format " + m.format()
                    + ", this one writes " + FORMAT + "); nothing was changed: use that version or another --out");
        }
    }

    /** Releases the directory's lock. */
    @Override
    public void close() {
        lock.release();
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
            throw StorageError.of(root, e);
        } catch (UncheckedIOException e) {
            throw StorageError.of(root, e.getCause());
        }
    }

    /**
     * Writes the run's queryable copy, {@code results.duckdb}, from the files just stored (the task
     * files stay the source of truth); atomically, like every file here. See dev.foresight.results.
     */
    void writeDatabase(dev.foresight.reports.summary.Scorecard scorecard) {
        dev.foresight.results.ResultsDatabase.writeFor(dir, scorecard);
    }

    /** Writes a JSON file of the run (canary, timings, manifest) atomically. */
    void writeJson(String name, Object value) {
        ResultJson.write(dir.file(name), value);
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(dir.file(name));
        } catch (IOException e) {
            throw StorageError.of(dir.file(name), e);
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
