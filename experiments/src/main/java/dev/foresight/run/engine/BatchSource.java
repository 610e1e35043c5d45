package dev.foresight.run.engine;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.Overrides;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.yaml.YamlReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A batch as the user gave it — the file's name and text, the {@code --set} overrides and the
 * directory relative paths are resolved against — so that any JVM with the same code parses it
 * into the same {@link BatchSpec} ({@link #parse}). Plain strings: it is what a distributed
 * engine ships to its workers instead of the parsed batch, whose plugin instances are not
 * serialisable. The driver parses the same way, so the two cannot drift.
 */
public record BatchSource(String file, String text, List<String> overrides, String baseDirectory)
        implements Serializable {

    public BatchSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        overrides = List.copyOf(overrides);
    }

    /** Reads a batch file ({@link YamlReader#readText}: a located user error when it cannot be read). */
    public static BatchSource read(Path file, List<String> overrides) {
        return new BatchSource(file.toString(), YamlReader.readText(file), overrides,
                file.toAbsolutePath().getParent().toString());
    }

    /** Parses, overrides and validates the batch with the plugins of this JVM. */
    public BatchSpec parse(PluginRegistry plugins) {
        return new BatchParser(plugins, Path.of(baseDirectory))
                .parse(Overrides.apply(YamlReader.parse(file, text), overrides), Path.of(file));
    }
}
