package dev.foresight.strategies.lstm;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained LSTM network with its label scaling. The network object is not shared and never
 * trained again; {@link #predict} is synchronised because a DL4J network keeps per-call state
 * (layer inputs) and must not run two forward passes at once.
 *
 * <p>Training time is not in {@link #diagnostics()}: task files must be byte-identical across
 * runs, so wall-clock times live in the run's {@code timings.json} ({@code fit_ms}).
 */
final class FittedLstm implements FittedModel {

    /**
     * Windows per forward pass at predict time: one. A float32 forward pass over a batch of windows
     * may round differently from the same window alone (the native kernels depend on the batch
     * shape), so the forecast at bar t would depend on how many other bars were forecast with it —
     * and the truncation check, which forecasts bar t alone, would rightly refuse that. One window
     * per pass makes every forecast a function of its own window only, bit for bit.
     */
    private static final int CHUNK = 1;

    private final LstmSettings settings;
    private final MultiLayerNetwork net;
    private final LabelScaling scaling;
    private final int horizon;
    private final int features;
    private final int rows;
    private final int validationRows;
    private final long seed;
    private final LstmModel.Training training;
    /** The fold whose trained parameters this network started from (warm start), or null: fresh weights. */
    private final Integer initialisedFromFold;

    FittedLstm(LstmSettings settings, MultiLayerNetwork net, LabelScaling scaling, int horizon, int features, int rows,
               int validationRows, long seed, LstmModel.Training training, Integer initialisedFromFold) {
        this.settings = settings;
        this.net = net;
        this.scaling = scaling;
        this.horizon = horizon;
        this.features = features;
        this.rows = rows;
        this.validationRows = validationRows;
        this.seed = seed;
        this.training = training;
        this.initialisedFromFold = initialisedFromFold;
    }

    /**
     * Why a network for {@code other} on {@code otherFeatures} input columns cannot start from this
     * one's parameters (another architecture, head or input width), or null when it can.
     */
    String incompatibility(LstmSettings other, int otherFeatures) {
        if (otherFeatures != features) {
            return "it was trained on " + features + " input feature columns, this fold has " + otherFeatures;
        }
        if (!other.kind().equals(settings.kind()) || other.window() != settings.window()
                || !other.lstmUnits().equals(settings.lstmUnits()) || !other.denseUnits().equals(settings.denseUnits())
                || other.attentionHeads() != settings.attentionHeads()
                || (other.gradientClip() > 0) != (settings.gradientClip() > 0)) {
            return "its architecture differs (" + architecture(settings) + " vs " + architecture(other) + ")";
        }
        if (other.head() != settings.head()) {
            return "it has the " + settings.head().yamlName() + " head, this fold the " + other.head().yamlName()
                    + " head (head: auto chose differently from the labels; set head explicitly)";
        }
        return null;
    }

    private static String architecture(LstmSettings s) {
        return s.kind() + ", window " + s.window() + ", lstm_units " + s.lstmUnits() + ", dense_units " + s.denseUnits()
                + (s.attentionHeads() > 0 ? ", attention_heads " + s.attentionHeads() : "");
    }

    long numParams() {
        return net.numParams();
    }

    /** A copy of the trained parameters (the network itself is never changed). */
    synchronized INDArray parameters() {
        return net.params().dup();
    }

    @Override
    public Forecast[] predict(ModelData data) {
        String kind = settings.kind();
        if (data.horizon() != horizon) {
            throw new IllegalArgumentException(kind + " was fitted for horizon " + horizon + " but asked to forecast horizon "
                    + data.horizon());
        }
        if (data.width() != features) {
            throw new IllegalArgumentException(kind + " was fitted on " + features + " feature columns but got "
                    + data.width());
        }
        int[] at = data.rows();
        Forecast[] out = new Forecast[at.length];
        Windows x = Windows.of(data, at, settings.window(), kind);
        for (int from = 0; from < at.length; from += CHUNK) {
            int to = Math.min(at.length, from + CHUNK);
            float[] o = output(x.range(from, to));
            for (int i = 0; i < o.length; i++) {
                out[from + i] = forecast(o[i], at[from + i]);
            }
        }
        return out;
    }

    private synchronized float[] output(INDArray input) {
        return net.output(input, false).data().asFloat();
    }

    private Forecast forecast(float raw, int bar) {
        if (!Float.isFinite(raw)) {
            throw new ArithmeticException(settings.kind() + ": the network's output for bar " + bar + " is " + raw);
        }
        if (settings.head() == Head.DIRECTION) {
            double p = Math.min(1.0, Math.max(0.0, raw));
            return new Forecast(p, p, Double.NaN);
        }
        return Forecast.point(scaling.invert(raw));
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("head", settings.head().yamlName());
        d.put("window", settings.window());
        d.put("features", features);
        d.put("parameters", net.numParams());
        d.put("rows", rows);
        d.put("validation_rows", validationRows);
        d.put("seed", seed);
        d.put("epochs_run", training.epochsRun());
        d.put("best_epoch", training.bestEpoch());
        d.put("stopped_early", training.stoppedEarly());
        d.put("restored_best_weights", training.restored());
        if (settings.warmStart()) {
            d.put("warm_start", true);
            if (initialisedFromFold != null) {
                d.put("initialised_from_fold", initialisedFromFold);
            }
        }
        d.put("train_loss", training.trainLoss());
        d.put("validation_loss", training.validationLoss());
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("transform", settings.head() == Head.DIRECTION ? "none"
                : scaling.logarithm() ? "minmax(log label)" : "minmax(label)");
        labels.put("min", scaling.min());
        labels.put("range", scaling.range());
        d.put("label_scaling", labels);
        Map<String, Object> env = LstmRuntime.environment();
        d.put("nd4j_threads", env.get("threads"));
        d.put("nd4j_classifier", env.get("classifier"));
        return Collections.unmodifiableMap(d);
    }
}
