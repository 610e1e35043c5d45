package dev.foresight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.batch.BatchParser;
import dev.foresight.batch.BatchSpec;
import dev.foresight.batch.ExperimentSpec;
import dev.foresight.batch.ModelSpec;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.run.BatchRunner;
import dev.foresight.run.Pipelines;
import dev.foresight.walkforward.Fold;
import dev.foresight.yaml.YamlReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * The test harness itself: a real multi-process cluster ({@code local-cluster[2,1,1024]}, two
 * executor JVMs started from this JVM's class path) runs Foresight code in its executors —
 * plugins discovered through ServiceLoader there, synthetic data generated there, an AR model
 * fitted there — and returns exactly what the same code computes in this JVM.
 */
class LocalClusterTest {

    static final String BATCH = """
            name: probe
            seed: 3
            data:
              synthetic: {kind: gbm, bars: 700, seed: 5}
            experiments:
              - name: e
                target: {kind: log-return, horizon: 1}
                features: [{kind: returns, lags: 3}]
                walk_forward: {window: rolling, train: 300, test: 100, max_folds: 3}
                models:
                  - {kind: ar, p: 2}
            """;

    /** One fold's forecasts, and the process that computed them. */
    record Probe(long pid, int fold, List<Double> forecasts) implements Serializable {
    }

    /** Parses the batch, generates its data and fits the AR model on one fold: all in the calling JVM. */
    static Probe fitFold(String yaml, int foldIndex) {
        BatchSpec batch = new BatchParser(PluginRegistry.discover(), Path.of("."))
                .parse(YamlReader.parse("probe.yaml", yaml), Path.of("probe.yaml"));
        BatchRunner.Prepared prepared = BatchRunner.prepare(batch, BatchRunner.newLoader());
        ExperimentSpec e = batch.experiments().get(0);
        ModelSpec m = e.models().get(0);
        Fold fold = prepared.folds().get(e.name()).get(foldIndex);
        FoldOutcome out = FoldRunner.run(prepared.data().get(e.name()).market(), Pipelines.of(e, m, 11), fold);
        return new Probe(ProcessHandle.current().pid(), foldIndex,
                out.bars().stream().map(BarOutcome::forecast).toList());
    }

    @Test
    void localCluster_runsForesightInSeparateExecutorJvms() {
        try (JavaSparkContext sc = new JavaSparkContext(Clusters.localCluster(2, 1024))) {
            String yaml = BATCH;
            List<Probe> remote = sc.parallelize(List.of(0, 1, 2), 3).map(i -> fitFold(yaml, i)).collect();
            long self = ProcessHandle.current().pid();
            for (Probe p : remote) {
                assertNotEquals(self, p.pid(), "fold " + p.fold() + " ran in an executor JVM, not the driver");
                assertEquals(fitFold(BATCH, p.fold()).forecasts(), p.forecasts(),
                        "fold " + p.fold() + ": the executor's forecasts are this JVM's, bit for bit");
            }
            assertTrue(IntStream.range(0, 3).allMatch(i -> remote.get(i).fold() == i));
            assertEquals(2, Executors.running().size(), "two executor processes, found by their main class");
        }
    }
}
