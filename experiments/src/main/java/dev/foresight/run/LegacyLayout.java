package dev.foresight.run;

import dev.foresight.result.ResolvedBatch;
import dev.foresight.result.ResultDirectory;
import dev.foresight.result.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recognises a result directory written before directories carried {@link ResultStore#MARKER}
 * (format 0), so that resuming a run started with the previous version keeps working — but only
 * when the directory is unmistakably Foresight's: a {@code config.resolved.json} that reads as a
 * resolved batch, a manifest (if any) written by Foresight, and nothing else than the files a run
 * writes, with task files only at {@code tasks/EXPERIMENT/MODEL/fold-NNN.json}. One foreign file
 * and the directory is not ours (the old rule — any {@code manifest.json} — once cost a user the
 * contents of a folder).
 */
final class LegacyLayout {

    private static final Set<String> FILES = Set.of(ResultDirectory.CONFIG, ResultDirectory.MANIFEST,
            ResultDirectory.SUMMARY_JSON, ResultDirectory.SUMMARY_CSV, "summary_regimes.csv", ResultDirectory.CANARY,
            ResultDirectory.TIMINGS, "report.html", "report.pdf", "metrics.csv", "results.json", "tasks",
            // written by the versions between the engine seam and the marker
            "risk.json", "summary_risk.csv", "results.duckdb", "results.duckdb.wal",
            // written by every later version (a marked directory whose marker was lost still has it)
            OutputStamp.FILE);

    private LegacyLayout() {
    }

    static boolean isOurs(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(ResultDirectory.CONFIG))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                boolean tmp = name.startsWith(".") && name.endsWith(".tmp");
                if (!FILES.contains(name) && !tmp) {
                    return false;
                }
            }
        }
        try {
            ResolvedBatch config = ResultJson.read(dir.resolve(ResultDirectory.CONFIG), ResolvedBatch.class);
            if (config.name() == null || config.experiments() == null) {
                return false;
            }
            Path manifest = dir.resolve(ResultDirectory.MANIFEST);
            if (Files.exists(manifest) && !ResultJson.mapper().readTree(manifest.toFile()).path("foresight").has("version")) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return onlyTaskFiles(dir.resolve("tasks"));
    }

    /**
     * Whether {@code file} under {@code tasks} is one Foresight writes there: a task file
     * {@code EXPERIMENT/MODEL/fold-NNN.json} or the temporary file of a killed atomic write beside one.
     * The one definition of "ours" inside {@code tasks/}: a run deletes nothing else there.
     */
    static boolean isTaskFile(Path tasks, Path file) {
        String name = file.getFileName().toString();
        return tasks.relativize(file).getNameCount() == 3
                && (name.matches("fold-\\d{3,}\\.json") || name.startsWith(".") && name.endsWith(".tmp"));
    }

    /** {@code tasks/} holds directories EXPERIMENT/MODEL with fold files (and temporary files of a killed write). */
    private static boolean onlyTaskFiles(Path tasks) throws IOException {
        if (!Files.exists(tasks)) {
            return true;
        }
        if (!Files.isDirectory(tasks)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(tasks)) {
            for (Path p : walk.toList()) {
                int depth = tasks.relativize(p).getNameCount();
                if (p.equals(tasks)) {
                    continue;
                }
                boolean ok = Files.isDirectory(p) ? depth <= 2 : isTaskFile(tasks, p);
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
