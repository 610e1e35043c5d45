package dev.foresight.spark;

import dev.foresight.strategies.lstm.LstmRuntime;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.SparkEnv;

/**
 * What an executor JVM says about itself with each unit's results, for the run's provenance: the
 * facts that change an LSTM's last bits (its OpenMP environment, ND4J's thread counts once an LSTM
 * has loaded ND4J there) and its cores and Java. The driver keeps each executor's latest report.
 *
 * @param executorId Spark's executor id ({@code driver} for an embedded {@code local[N]} run)
 */
record ExecutorReport(String executorId, Map<String, Object> runtime) implements Serializable {

    ExecutorReport {
        Objects.requireNonNull(executorId, "executorId");
        runtime = new LinkedHashMap<>(runtime);   // a serialisable copy, in the order given
    }

    /** This JVM's report (called in a Spark task). */
    static ExecutorReport here() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        r.put("omp_wait_policy", System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset"));
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java_version", System.getProperty("java.version"));
        r.put("nd4j", new LinkedHashMap<>(LstmRuntime.environment()));
        return new ExecutorReport(SparkEnv.get().executorId(), r);
    }
}
