package dev.foresight.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.batch.BatchSpec;
import dev.foresight.plugin.PluginRegistry;
import dev.foresight.result.ResolvedBatch;
import dev.foresight.run.engine.BatchSource;
import dev.foresight.run.engine.CodeFingerprint;
import dev.foresight.run.engine.LocalEngine;
import dev.foresight.run.engine.RunContext;
import dev.foresight.run.engine.TaskFile;
import dev.foresight.run.engine.TaskPlan;
import dev.foresight.run.engine.UnitRunner;
import dev.foresight.run.engine.WorkUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine seam holds for a worker in another JVM: a unit description, the batch source and the
 * market data travel through Java serialisation (what Spark uses) and a {@link UnitRunner} built
 * from them alone — the batch parsed again, the data decoded — returns exactly the bytes the local
 * engine wrote, for independent tasks, a warm-start chain, a regime detector reading the true
 * regimes and a model that fails.
 */
class RemoteUnitsTest {

    @TempDir
    Path dir;

    private Path batchFile() throws IOException {
        return Files.writeString(dir.resolve("remote.yaml"), """
                name: remote
                seed: 5
                data:
                  synthetic: {kind: regime-garch, bars: 800, seed: 3}
                experiments:
                  - name: e
                    target: {kind: log-return, horizon: 1}
                    features: [{kind: returns, lags: 3}, {kind: realized-vol, windows: [5]}]
                    walk_forward: {window: rolling, train: 100, test: 100, max_folds: 3}
                    strategy: {kind: sign}
                    regimes: [{kind: truth}, {kind: volatility}]
                    models:
                      - {kind: random-walk}
                      - {kind: ar, p: 2}
                      - {kind: chained-mean, name: chain}
                      - {kind: ar, p: 50, name: big}
                """);
    }

    @Test
    void remoteUnitRunner_returnsTheBytesTheLocalEngineWrote() throws Exception {
        Path file = batchFile();
        PluginRegistry plugins = PluginRegistry.discover();
        String code = CodeFingerprint.of(plugins);
        BatchSource source = BatchSource.read(file, List.of("experiments[0].models[1].p=3"));
        BatchSpec batch = source.parse(plugins);
        Path out = dir.resolve("out");
        BatchRunner.Outcome local = new BatchRunner().run(batch, new BatchRunner.Options(out, new LocalEngine(2),
                Progress.NONE, List.of("test"), code, false, source));
        assertEquals(12, local.tasks());
        assertTrue(local.failed() > 0, "'big' cannot fit on 100 rows: its folds fail, as values");

        BatchRunner.Prepared prepared = BatchRunner.prepare(batch, BatchRunner.newLoader());
        TaskPlan plan = TaskPlans.of(batch, prepared, ResolvedConfig.of(batch), code);
        assertTrue(plan.units().stream().anyMatch(WorkUnit::chain), "the plan has a warm-start chain");
        Map<String, dev.foresight.data.MarketData> data = new LinkedHashMap<>();
        Map<String, String> sha = new LinkedHashMap<>();
        prepared.data().forEach((e, d) -> {
            data.put(e, d.market());
            sha.put(e, d.sha256());
        });
        RunContext context = new RunContext(source, code, batch, data, sha);

        // what crosses to a worker: serialised, then read back there
        BatchSource shipped = roundTrip(context.batch());
        Map<String, byte[]> shippedData = new LinkedHashMap<>();
        for (String e : context.experiments()) {
            shippedData.put(e, roundTrip(context.marketData(context.dataKey(e))));
        }
        UnitRunner worker = UnitRunner.remote(shipped, context.codeFingerprint(), shippedData::get);
        int compared = 0;
        for (WorkUnit unit : plan.units()) {
            for (TaskFile f : roundTrip(worker.run(roundTrip(unit)))) {
                byte[] written = Files.readAllBytes(out.resolve("tasks").resolve(f.task().experiment())
                        .resolve(f.task().model()).resolve(String.format("fold-%03d.json", f.task().fold())));
                assertArrayEquals(written, f.json(), f.task().id());
                compared++;
            }
        }
        assertEquals(12, compared);
    }

    @Test
    void remoteUnitRunner_refusesOtherCode() throws Exception {
        BatchSource source = BatchSource.read(batchFile(), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UnitRunner.remote(source, "0".repeat(64), x -> new byte[0]));
        assertTrue(e.getMessage().contains("other code than the driver"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value instanceof List<?> l ? new ArrayList<>(l) : value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
