package dev.foresight.spark;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.run.engine.Engine;
import dev.foresight.run.engine.EngineProvider;
import dev.foresight.run.engine.EngineSettings;
import java.util.Optional;
import org.apache.spark.SparkConf;

/**
 * {@code foresight run --engine spark [--master URL]}: found through ServiceLoader on the Spark
 * launchers' class path only (the embedded {@code foresight-spark} and the spark-submit jar).
 */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String description() {
        return "Apache Spark 3.5: embedded local[N] by default, or --master URL / spark-submit's master";
    }

    @Override
    public Engine create(EngineSettings settings) {
        for (String option : settings.options().keySet()) {
            if (!option.equals("master")) {
                throw new UserError(Location.of("--" + option), "the spark engine takes --master, not --" + option);
            }
        }
        // new SparkConf() reads the spark.* system properties spark-submit sets (master, executors...)
        SparkConf conf = SparkEngine.configure(new SparkConf(), Optional.ofNullable(settings.options().get("master")),
                settings.workers());
        String master = conf.get("spark.master");
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\d+)(,\\d+)?]").matcher(master);
        int parallelism = local.matches() ? Integer.parseInt(local.group(1)) : settings.workers();
        return new SparkEngine(conf, parallelism, new PluginJars(settings.plugins()));
    }
}
