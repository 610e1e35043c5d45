package dev.foresight.spark;

import dev.foresight.run.Engine;
import dev.foresight.run.EngineProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;

/**
 * {@code foresight run --engine spark}: found through ServiceLoader on the Spark launchers' class
 * path only (the embedded {@code foresight-spark} and the spark-submit jar).
 */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine create(Path batchFile, List<String> overrides, Optional<String> master, Optional<Integer> workers) {
        // new SparkConf() reads the spark.* system properties spark-submit sets (master, executors...)
        SparkConf conf = SparkEngine.configure(new SparkConf(), master,
                workers.orElse(Runtime.getRuntime().availableProcessors()));
        return new SparkEngine(BatchSource.read(batchFile, overrides), conf);
    }
}
