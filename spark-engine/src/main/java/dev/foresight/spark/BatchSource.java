package dev.foresight.spark;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.Overrides;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.yaml.YamlNode;
import dev.foresight.yaml.YamlReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The batch as the command line gave it — the YAML text, where it was read from, the {@code --set}
 * overrides — shipped to executors, which parse it into the same {@link BatchSpec} as the driver
 * (plugin instances are not serialisable; their configuration is). Parsing reads no data file:
 * the data comes from the driver ({@link ShippedData}).
 */
record BatchSource(String yaml, String file, String baseDirectory, List<String> overrides) implements Serializable {

    BatchSource {
        overrides = List.copyOf(overrides);
    }

    /**
     * One parse per executor JVM and batch, however many tasks it runs; weak keys (the broadcast's
     * copy), so a long-lived executor does not keep every batch it ever ran.
     */
    private static final Map<BatchSource, BatchSpec> PARSED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static BatchSource read(Path file, List<String> overrides) {
        try {
            return new BatchSource(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    file.toAbsolutePath().getParent().toString(), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    BatchSpec parse() {
        return PARSED.computeIfAbsent(this, s -> {
            YamlNode tree = Overrides.apply(YamlReader.parse(s.file(), s.yaml()), s.overrides());
            return new BatchParser(PluginRegistry.discover(), Path.of(s.baseDirectory())).parse(tree, Path.of(s.file()));
        });
    }
}
