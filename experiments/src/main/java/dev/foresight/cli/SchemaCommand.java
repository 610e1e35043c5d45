package dev.foresight.cli;

import dev.foresight.batch.BatchSchema;
import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.SyntheticData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code foresight schema [--out FILE]}: the JSON Schema of batch files, for editors, generated from
 * the plugins on the class path (so a third-party plugin's kinds are in it too). The repository's
 * copy is {@value BatchSchema#PUBLISHED}.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of batch files (for editor validation and completion), or write it with --out.")
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "write the schema to FILE instead of printing it")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The schema of this class path: what the command prints and the repository publishes. */
    static String schema() {
        return BatchSchema.render(PluginRegistry.discover(), SyntheticData.documented());
    }

    @Override
    public Integer call() {
        String text = schema();
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
            return Main.OK;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(Location.of(out.toString()), "cannot write the schema: " + e.getMessage());
        }
        spec.commandLine().getErr().println("wrote " + out);
        return Main.OK;
    }
}
