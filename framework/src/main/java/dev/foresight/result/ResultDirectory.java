package dev.foresight.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a batch's result directory:
 * <pre>
 * config.resolved.json            the batch with every default filled in
 * manifest.json                   provenance: hashes of config and data, versions, seeds, commit
 * tasks/EXPERIMENT/MODEL/fold-NNN.json   one TaskResult per (experiment × model × fold)
 * timings.json                    wall-clock times per task (kept out of the task files)
 * summary.json, summary.csv       out-of-sample scores per experiment × model
 * canary.json                     the null-data canary per experiment × model (when asked for)
 * </pre>
 */
public record ResultDirectory(Path root) {

    public static final String CONFIG = "config.resolved.json";
    public static final String MANIFEST = "manifest.json";
    public static final String TIMINGS = "timings.json";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    /** The null-data canary's outcome per experiment × model, when a batch asks for it. */
    public static final String CANARY = "canary.json";

    public Path config() {
        return root.resolve(CONFIG);
    }

    public Path manifest() {
        return root.resolve(MANIFEST);
    }

    public Path timings() {
        return root.resolve(TIMINGS);
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    public Path task(String experiment, String model, int fold) {
        return root.resolve("tasks").resolve(experiment).resolve(model).resolve(String.format("fold-%03d.json", fold));
    }

    public ResolvedBatch readConfig() {
        return ResultJson.read(config(), ResolvedBatch.class);
    }

    /** Every stored task result of one experiment's model, by fold. */
    public List<TaskResult> readTasks(String experiment, String model) {
        Path dir = root.resolve("tasks").resolve(experiment).resolve(model);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<TaskResult> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("fold-\\d+\\.json")).sorted().toList()) {
                out.add(ResultJson.read(f, TaskResult.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparingInt(r -> r.fold().index()));
        return out;
    }
}
