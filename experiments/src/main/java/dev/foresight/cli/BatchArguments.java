package dev.foresight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a batch takes: the file, {@code --set} overrides (each command declares its own {@code --verbose}, whose meaning differs). */
final class BatchArguments {

    @Parameters(index = "0", paramLabel = "BATCH.yaml", description = "the experiment batch")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a YAML value, e.g. data.path=AAPL.csv "
            + "or experiments[0].walk_forward.train=500 (repeatable)")
    List<String> overrides = new ArrayList<>();
}
