package dev.foresight.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * Test fixture: Spark settings as system properties (which {@code new SparkConf()}, and so the
 * engine, reads — as under spark-submit) for the duration of a run.
 */
record SparkProperties(List<String> keys) implements AutoCloseable {

    static SparkProperties of(SparkConf conf) {
        for (Tuple2<String, String> kv : conf.getAll()) {
            System.setProperty(kv._1(), kv._2());
        }
        return new SparkProperties(Arrays.stream(conf.getAll()).map(Tuple2::_1).toList());
    }

    @Override
    public void close() {
        keys.forEach(System::clearProperty);
    }
}
