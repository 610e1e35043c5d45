package dev.foresight.results;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The catalogue of runs that {@code foresight runs} lists: every run directory under a folder (by
 * default {@code runs/}, where {@code foresight run} puts them) that holds a {@value ResultsDatabase#FILE}.
 *
 * <p>The catalogue is read from the runs themselves, not kept in a shared file: each run's
 * database carries its own {@code run} row (batch hash, code commit, time) and {@code data} rows
 * (data hashes). So two runs finishing at once never contend for a catalogue file, a deleted run
 * directory leaves no stale entry, and a run copied to another machine or folder brings its entry
 * with it. Listing opens each database read-only; a damaged one is listed as such, not fatal.
 */
public final class RunCatalogue {

    /** One run as listed; {@code problem} is non-null when its database could not be read. */
    public record Entry(Path directory, String batch, String started, String codeCommit, boolean codeDirty,
                        String batchSha256, int tasks, int failedTasks, String best, String problem) {
    }

    private RunCatalogue() {
    }

    /** Runs directly under {@code root} (and {@code root} itself, if it is a run), newest first. */
    public static List<Entry> list(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(Location.of(root.toString()), "not a directory: give the folder that holds run "
                    + "directories (default: runs)");
        }
        List<Path> candidates = new ArrayList<>();
        if (Files.isRegularFile(root.resolve(ResultsDatabase.FILE))) {
            candidates.add(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> Files.isRegularFile(p.resolve(ResultsDatabase.FILE))).sorted().forEach(candidates::add);
        } catch (IOException e) {
            throw new UserError(Location.of(root.toString()), "cannot list: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        for (Path dir : candidates) {
            out.add(read(dir));
        }
        out.sort(Comparator.comparing((Entry e) -> e.started() == null ? "" : e.started()).reversed()
                .thenComparing(e -> e.directory().toString()));
        return out;
    }

    static Entry read(Path dir) {
        try (Connection c = ResultsDatabase.openReadOnly(dir.resolve(ResultsDatabase.FILE));
             Statement s = c.createStatement()) {
            String batch = null;
            String started = null;
            String commit = null;
            String sha = null;
            boolean dirty = false;
            try (ResultSet r = s.executeQuery("SELECT batch, strftime(started, '%Y-%m-%dT%H:%M:%SZ'), code_commit,"
                    + " code_dirty, batch_sha256 FROM run")) {
                if (r.next()) {
                    batch = r.getString(1);
                    started = r.getString(2);
                    commit = r.getString(3);
                    dirty = r.getBoolean(4);
                    sha = r.getString(5);
                }
            }
            int tasks = 0;
            int failed = 0;
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE status <> 'ok') FROM tasks")) {
                r.next();
                tasks = r.getInt(1);
                failed = r.getInt(2);
            }
            return new Entry(dir, batch, started, commit, dirty, sha, tasks, failed, best(s), null);
        } catch (SQLException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new Entry(dir, null, null, null, false, null, 0, 0, null, "unreadable database: "
                    + Text.clip(reason, 80));
        }
    }

    /** The headline: the best Sharpe ratio after costs, else the lowest RMSE, with its experiment and model. */
    private static String best(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT experiment, model, sharpe FROM scores WHERE sharpe IS NOT NULL"
                + " ORDER BY sharpe DESC, experiment, model LIMIT 1")) {
            if (r.next()) {
                return String.format(Locale.ROOT, "Sharpe %.2f %s/%s", r.getDouble(3), r.getString(1),
                        r.getString(2));
            }
        }
        try (ResultSet r = s.executeQuery("SELECT experiment, model, rmse FROM scores WHERE rmse IS NOT NULL"
                + " ORDER BY rmse, experiment, model LIMIT 1")) {
            if (r.next()) {
                return String.format(Locale.ROOT, "RMSE %.4g %s/%s", r.getDouble(3), r.getString(1),
                        r.getString(2));
            }
        }
        return "-";
    }
}
