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
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    /** SHA-256 of each task file as last read or written by this store (absolute path → hex). */
    private final Map<Path, String> taskDigests = new ConcurrentHashMap<>();
    /** Set once the derived files are deleted ({@link #invalidateOutputs}). */
    private boolean outputsInvalidated;

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
                            Instant.now().toString()));
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
            invalidateOutputs();
            removeTaskFilesBut(Set.of());
        }
        // leftovers of a write interrupted between the temporary file and its rename
        try (Stream<Path> entries = Files.list(out)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.delete(p);
            }
        }
        // The summaries, manifest and report stay until something they are computed from changes
        // (invalidateOutputs): a re-run that changes nothing may find them current and keep them.
    }

    /**
     * Deletes the stamp that vouches for the derived files, then the derived files a run always
     * rewrites — before the first change to anything they are computed from (a task file, the
     * config, the canary), so a run stopped half-way never leaves a summary or report of other
     * results next to its task files. Once per run.
     */
    void invalidateOutputs() {
        if (outputsInvalidated) {
            return;
        }
        Path out = dir.root();
        try {
            Files.deleteIfExists(out.resolve(OutputStamp.FILE));   // first: nothing is vouched for any more
            for (String f : List.of(ResultDirectory.SUMMARY_JSON, ResultDirectory.SUMMARY_CSV, ResultDirectory.TIMINGS,
                    ResultDirectory.MANIFEST, HtmlReport.REPORT_HTML, HtmlReport.METRICS_CSV, HtmlReport.RESULTS_JSON,
                    HtmlReport.REPORT_PDF)) {
                Files.deleteIfExists(out.resolve(f));
            }
        } catch (IOException e) {
            throw StorageError.of(out, e);
        }
        outputsInvalidated = true;
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

    /** Writes {@code config.resolved.json} unless it already holds exactly these bytes. */
    void writeConfig(byte[] resolvedConfig) {
        writeIfChanged(dir.config(), resolvedConfig);
    }

    /**
     * Writes {@code canary.json} with {@code content}, or deletes it when {@code content} is null —
     * unless the file is already so: an unchanged file is not rewritten (it keeps the derived files current).
     */
    void writeCanary(byte[] content) {
        Path file = dir.file(ResultDirectory.CANARY);
        if (content != null) {
            writeIfChanged(file, content);
        } else if (Files.exists(file)) {
            invalidateOutputs();
            delete(ResultDirectory.CANARY);
        }
    }

    private void writeIfChanged(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
        } catch (IOException e) {
            // unreadable: written again below
        }
        invalidateOutputs();
        AtomicFiles.write(file, content);
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
            byte[] bytes = Files.readAllBytes(file);
            TaskResult r = ResultJson.mapper().readValue(bytes, TaskResult.class);
            if (r.ok() && task.cacheKey().equals(r.inputsSha256())) {
                taskDigests.put(file.toAbsolutePath(), Hashing.sha256(bytes));
                return r;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The stored results of {@code tasks} that can be reused ({@link #cached}), by task id; the files
     * are read and parsed in parallel (most of a fully cached re-run is reading them).
     */
    Map<String, TaskResult> cachedAll(List<PlannedTask> tasks) {
        Map<String, TaskResult> out = new ConcurrentHashMap<>();
        tasks.parallelStream().forEach(t -> {
            TaskResult r = cached(t);
            if (r != null) {
                out.put(t.id(), r);
            }
        });
        return out;
    }

    /** Writes a computed or failed task's file: exactly the bytes its unit runner produced. */
    void write(TaskOutcome outcome) {
        PlannedTask t = outcome.task();
        Path file = dir.task(t.experiment(), t.model(), t.fold());
        byte[] json;
        if (outcome instanceof TaskOutcome.Computed c) {
            json = c.json();
        } else if (outcome instanceof TaskOutcome.Failed f) {
            json = f.json();
        } else {
            throw new IllegalArgumentException(t.id() + " is already stored");
        }
        invalidateOutputs();
        AtomicFiles.write(file, json);
        taskDigests.put(file.toAbsolutePath(), Hashing.sha256(json));
    }

    /** Deletes task files the plan does not produce (models or folds that no longer exist). */
    void removeStaleTasks(TaskPlan plan) {
        Set<Path> current = new HashSet<>();
        for (PlannedTask t : plan.tasks()) {
            current.add(dir.task(t.experiment(), t.model(), t.fold()).toAbsolutePath());
        }
        removeTaskFilesBut(current);
    }

    /**
     * Deletes every task file (and leftover temporary file) under {@code tasks/} but those in
     * {@code keep}, then the directories left empty. Only files Foresight writes there
     * ({@link LegacyLayout#isTaskFile}) are candidates: a note or script the user put in the
     * directory stays, and so does the directory holding it.
     */
    private void removeTaskFilesBut(Set<Path> keep) {
        Path root = dir.root().resolve("tasks");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && LegacyLayout.isTaskFile(root, p) && !keep.contains(p.toAbsolutePath())) {
                    invalidateOutputs();
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
     * The files derived from a run's results, vouched for by {@value OutputStamp#FILE} when they are
     * written: the summaries and risk tables, the manifest, the results database and the report.
     * The portfolio files exist only for a batch with a portfolio.
     */
    static final List<String> DERIVED = List.of(ResultDirectory.SUMMARY_JSON, ResultDirectory.SUMMARY_CSV,
            dev.foresight.reports.summary.Summary.SUMMARY_REGIMES_CSV, dev.foresight.reports.summary.Summary.RISK_JSON,
            dev.foresight.reports.summary.Summary.RISK_CSV, dev.foresight.reports.summary.Summary.PORTFOLIO_JSON,
            dev.foresight.reports.summary.Summary.PORTFOLIO_CSV, ResultDirectory.MANIFEST,
            dev.foresight.results.ResultsDatabase.FILE, HtmlReport.REPORT_HTML, HtmlReport.METRICS_CSV,
            HtmlReport.RESULTS_JSON);

    /**
     * SHA-256 of everything the derived files are computed from, as the directory holds it now: the
     * resolved config's bytes, every task file's bytes (as this store read or wrote them, in plan
     * order, by path), {@code canary.json}'s bytes (or its absence), the result and stamp formats,
     * Foresight's version, the fingerprint of its code and plugins ({@code codeFingerprint}) and the
     * names of the library jars it runs with (which carry their versions: a DuckDB or Jackson upgrade
     * may change the derived files' bytes). Call after the tasks and the canary are stored.
     */
    String inputsDigest(TaskPlan plan, byte[] resolvedConfig, String codeFingerprint) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("stamp_format", OutputStamp.FORMAT);
        inputs.put("result_format", FORMAT);
        inputs.put("foresight", String.valueOf(CodeVersion.get().get("version")));
        inputs.put("code_sha256", codeFingerprint);
        inputs.put("libraries", libraries());
        inputs.put(ResultDirectory.CONFIG, Hashing.sha256(resolvedConfig));
        Path canary = dir.file(ResultDirectory.CANARY);
        inputs.put(ResultDirectory.CANARY, Files.isRegularFile(canary) ? digestOf(canary) : null);
        Map<String, String> tasks = new LinkedHashMap<>();
        for (PlannedTask t : plan.tasks()) {
            Path file = dir.task(t.experiment(), t.model(), t.fold());
            String sha = taskDigests.get(file.toAbsolutePath());
            tasks.put(dir.root().relativize(file).toString().replace('\\', '/'), sha != null ? sha : digestOf(file));
        }
        inputs.put("tasks", tasks);
        return Hashing.sha256(ResultJson.bytes(inputs));
    }

    /**
     * The summary table recorded with the derived files when they are current: the stamp was written
     * for {@code inputsDigest}, by this stamp format, and every file it vouches for is present with
     * the digest it had then. Null otherwise (no stamp, an unreadable one, other inputs, a file
     * missing or changed): the run derives them again.
     */
    String currentTable(String inputsDigest) {
        Path file = dir.file(OutputStamp.FILE);
        if (outputsInvalidated || !Files.isRegularFile(file)) {
            return null;
        }
        OutputStamp stamp;
        try {
            stamp = ResultJson.read(file, OutputStamp.class);
        } catch (RuntimeException e) {
            return null;
        }
        if (stamp.format() != OutputStamp.FORMAT || !stamp.inputsSha256().equals(inputsDigest)
                || !stamp.outputs().keySet().containsAll(required())) {
            return null;
        }
        // the largest files (database, report) hashed side by side
        boolean intact = stamp.outputs().entrySet().parallelStream().allMatch(e -> DERIVED.contains(e.getKey())
                && Files.isRegularFile(dir.file(e.getKey())) && e.getValue().equals(digestOf(dir.file(e.getKey()))));
        return intact ? stamp.table() : null;
    }

    /**
     * Records that the derived files now in the directory were computed from {@code inputsDigest}
     * (written last, after all of them, atomically: a run stopped before this leaves no stamp).
     */
    void writeStamp(String inputsDigest, String table) {
        Map<String, String> outputs = new TreeMap<>();
        for (String name : DERIVED) {
            Path f = dir.file(name);
            if (Files.isRegularFile(f)) {
                outputs.put(name, digestOf(f));
            }
        }
        if (!outputs.keySet().containsAll(required())) {
            return;   // not a complete set (cannot happen after a run's writes): nothing is vouched for
        }
        ResultJson.write(dir.file(OutputStamp.FILE), new OutputStamp(OutputStamp.FORMAT, inputsDigest, outputs, table));
    }

    /** The derived files every run writes (the portfolio's only with a portfolio). */
    private static List<String> required() {
        return DERIVED.stream().filter(f -> !f.equals(dev.foresight.reports.summary.Summary.PORTFOLIO_JSON)
                && !f.equals(dev.foresight.reports.summary.Summary.PORTFOLIO_CSV)).toList();
    }

    private static String digestOf(Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * The library jars Foresight runs with, by file name (name and version): the {@code Class-Path}
     * of the launcher's jar, or the JVM's class path when it runs from classes (tests, an IDE).
     */
    private static List<String> libraries() {
        try {
            java.security.CodeSource cs = ResultStore.class.getProtectionDomain().getCodeSource();
            Path self = cs == null ? null : Path.of(cs.getLocation().toURI());
            if (self != null && Files.isRegularFile(self)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(self.toFile())) {
                    java.util.jar.Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        return List.of(cp.trim().split("\\s+"));
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // fall back to the class path below
        }
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName() == null ? p : Path.of(p).getFileName().toString()).toList();
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
}
