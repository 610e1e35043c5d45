package dev.foresight.cli;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.Overrides;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.engine.BatchSource;
import dev.foresight.yaml.YamlNode;
import dev.foresight.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;

/** Reads, overrides and validates a batch file: shared by the commands that take one. */
final class Batches {

    private Batches() {
    }

    /** The experiments that parse, with every problem in the others (for {@code validate}). */
    static BatchParser.Lenient loadLenient(Path file, List<String> overrides, PluginRegistry plugins) {
        YamlNode tree = Overrides.apply(YamlReader.read(file), overrides);
        return new BatchParser(plugins, file.toAbsolutePath().getParent()).parseLenient(tree, file);
    }

    static BatchSpec load(Path file, List<String> overrides, PluginRegistry plugins) {
        return BatchSource.read(file, overrides).parse(plugins);
    }
}
