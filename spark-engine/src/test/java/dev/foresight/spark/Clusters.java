package dev.foresight.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;

/**
 * Test fixture: Spark configurations for the two ways the tests run Spark. {@code local[N]} runs
 * tasks on threads of the test JVM; {@code local-cluster[E,C,M]} starts a master and E workers in
 * the test JVM, and each worker starts a real executor JVM (a separate process, found and killed by
 * {@link Executors}), on this JVM's class path — no Spark distribution needed. Surefire gives the
 * test JVM {@code SPARK_TESTING=1}, {@code SPARK_SCALA_VERSION=2.13} and {@code SPARK_LOCAL_IP}
 * (the worker's launcher reads them from the environment).
 */
final class Clusters {

    private Clusters() {
    }

    /** Embedded Spark on {@code threads} threads of this JVM. */
    static SparkConf local(int threads) {
        return common().setMaster("local[" + threads + "]");
    }

    /**
     * {@code executors} executor JVMs of one core and {@code memoryMb} heap each. The executors'
     * class path is this JVM's, every entry made absolute (a relative {@code target/classes} is
     * resolved against the worker's directory, where it does not exist).
     */
    static SparkConf localCluster(int executors, int memoryMb) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return common()
                .setMaster("local-cluster[" + executors + ",1," + memoryMb + "]")
                .set("spark.executor.extraClassPath", classPath)
                .set("spark.driver.extraClassPath", classPath)
                // ND4J's off-heap memory and OpenMP settings, as on a real cluster (see README).
                .set("spark.executorEnv.OMP_NUM_THREADS", "1")
                .set("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE")
                .set("spark.executor.extraJavaOptions", String.join(" ", executorJavaOptions()));
    }

    private static List<String> executorJavaOptions() {
        List<String> out = new ArrayList<>();
        out.add("-XX:+UseParallelGC");
        // the JavaCPP cache the tests already use, not one per executor
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            out.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        return out;
    }

    private static SparkConf common() {
        return new SparkConf()
                .setAppName("foresight-test")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
