package dev.foresight.batch;

import dev.foresight.metrics.Annualisation;
import java.nio.file.Path;
import java.util.List;

/** A parsed, validated experiment batch: what {@code foresight run} executes. */
public record BatchSpec(String name, String description, Path source, long seed, Annualisation annualisation,
                        List<ExperimentSpec> experiments) {

    public BatchSpec {
        experiments = List.copyOf(experiments);
    }
}
