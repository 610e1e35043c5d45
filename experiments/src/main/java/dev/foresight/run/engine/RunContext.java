package dev.foresight.run.engine;

import dev.foresight.batch.BatchSpec;
import dev.foresight.data.MarketData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an engine needs besides the units: the batch and each experiment's loaded data, in the
 * driver's memory ({@link #localRunner()}) and in the serialisable forms a remote worker builds its
 * own {@link UnitRunner} from ({@link #batch()}, {@link #codeFingerprint()}, {@link #marketData}).
 * Experiments on the same data share one {@link #dataKey}, so an engine ships each distinct data
 * set once.
 */
public final class RunContext {

    private final BatchSource batch;
    private final String codeFingerprint;
    private final Map<String, MarketData> dataByExperiment;
    private final Map<String, String> keyByExperiment;
    private final Map<String, MarketData> dataByKey = new LinkedHashMap<>();
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();
    private final UnitRunner local;

    /**
     * For the driver: {@code data} and {@code dataSha256} by experiment name (the hash is the data's
     * identity, also part of every cache key); {@code batch} may be null for a batch built in code.
     */
    public RunContext(BatchSource batch, String codeFingerprint, BatchSpec parsed, Map<String, MarketData> data,
                      Map<String, String> dataSha256) {
        this(batch, codeFingerprint, parsed, data, dataSha256, EpochListener.NONE);
    }

    /** The same, the epochs of tasks run in this JVM ({@link #localRunner()}) reported to {@code epochs}. */
    public RunContext(BatchSource batch, String codeFingerprint, BatchSpec parsed, Map<String, MarketData> data,
                      Map<String, String> dataSha256, EpochListener epochs) {
        this.batch = batch;
        this.codeFingerprint = Objects.requireNonNull(codeFingerprint, "codeFingerprint");
        this.dataByExperiment = Map.copyOf(data);
        this.keyByExperiment = Map.copyOf(dataSha256);
        if (!dataByExperiment.keySet().equals(keyByExperiment.keySet())) {
            throw new IllegalArgumentException("data and hashes name different experiments");
        }
        dataByExperiment.forEach((experiment, d) -> dataByKey.putIfAbsent(keyByExperiment.get(experiment), d));
        this.local = UnitRunner.local(parsed, dataByExperiment, epochs);
    }

    /**
     * The batch as the user gave it, for workers to parse.
     *
     * @throws IllegalStateException when the run was started from a batch built in code (tests),
     *     which only an engine in this JVM can run
     */
    public BatchSource batch() {
        if (batch == null) {
            throw new IllegalStateException("this run has no batch file to ship to other JVMs; run it on the local engine");
        }
        return batch;
    }

    /** The driver's code fingerprint: a worker running other code refuses to compute. */
    public String codeFingerprint() {
        return codeFingerprint;
    }

    /** The experiments, in batch order of their names. */
    public List<String> experiments() {
        return List.copyOf(new TreeSet<>(dataByExperiment.keySet()));
    }

    /** The key of an experiment's data (its SHA-256): equal for experiments on identical data. */
    public String dataKey(String experiment) {
        String key = keyByExperiment.get(experiment);
        if (key == null) {
            throw new IllegalArgumentException("no experiment " + experiment);
        }
        return key;
    }

    /** The data of {@code dataKey}, encoded by {@link MarketDataCodec} (once, then kept). */
    public byte[] marketData(String dataKey) {
        MarketData d = dataByKey.get(dataKey);
        if (d == null) {
            throw new IllegalArgumentException("no data with key " + dataKey);
        }
        return encoded.computeIfAbsent(dataKey, k -> MarketDataCodec.encode(d)).clone();
    }

    /** The runner over the driver's own batch and data, for engines that run in this JVM. */
    public UnitRunner localRunner() {
        return local;
    }
}
