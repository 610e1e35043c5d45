package dev.foresight.strategies.lstm;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.ModelData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    /** One network, or the members of a seed ensemble (forecast = mean of their outputs). */
    private final List<MultiLayerNetwork> nets;
    private final LabelScaling scaling;
    /** Columns divided by their last value in each window (last-value normalisation), or null. */
    private final boolean[] relativeColumns;
    private final int horizon;
    private final int features;
    private final int rows;
    private final int validationRows;
    private final long seed;
    private final List<LstmModel.Training> trainings;
    /** The fold whose trained parameters this network started from (warm start), or null: fresh weights. */
    private final Integer initialisedFromFold;
    /**
     * Volatility head: the factor applied to the forecast variance σ̂² (the forecast σ̂ is multiplied
     * by its square root); 1 elsewhere. See {@link #varianceCalibration(List, LabelScaling, Windows, double[])}.
     */
    private final double varianceCalibration;

    FittedLstm(LstmSettings settings, List<MultiLayerNetwork> nets, LabelScaling scaling, boolean[] relativeColumns,
               int horizon, int features,
               int rows, int validationRows, long seed, List<LstmModel.Training> trainings, Integer initialisedFromFold,
               double varianceCalibration) {
        if (nets.isEmpty() || nets.size() != trainings.size()) {
            throw new IllegalArgumentException("one training record per network, at least one network");
        }
        if (!(varianceCalibration > 0) || !Double.isFinite(varianceCalibration)) {
            throw new IllegalArgumentException("the variance calibration must be positive and finite, got "
                    + varianceCalibration);
        }
        this.varianceCalibration = varianceCalibration;
        this.settings = settings;
        this.nets = List.copyOf(nets);
        this.relativeColumns = relativeColumns == null ? null : relativeColumns.clone();
        this.scaling = scaling;
        this.horizon = horizon;
        this.features = features;
        this.rows = rows;
        this.validationRows = validationRows;
        this.seed = seed;
        this.trainings = List.copyOf(trainings);
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
                || (other.gradientClip() > 0) != (settings.gradientClip() > 0)
                || other.procedure().ensemble() != settings.procedure().ensemble()) {
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
                + (s.attentionHeads() > 0 ? ", attention_heads " + s.attentionHeads() : "")
                + (s.procedure().ensemble() > 1 ? ", ensemble " + s.procedure().ensemble() : "");
    }

    long numParams() {
        return nets.get(0).numParams();
    }

    /** A copy of the trained parameters of ensemble member {@code member} (the network itself is never changed). */
    synchronized INDArray parameters(int member) {
        return nets.get(member).params().dup();
    }

    /** A copy of the (first) network's trained parameters. */
    synchronized INDArray parameters() {
        return parameters(0);
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
        Windows x = Windows.of(data, at, settings.window(), kind, relativeColumns);
        for (int from = 0; from < at.length; from += CHUNK) {
            int to = Math.min(at.length, from + CHUNK);
            float[] o = output(x.range(from, to));
            for (int i = 0; i < o.length; i++) {
                out[from + i] = forecast(o[i], at[from + i], data);
            }
        }
        return out;
    }

    /**
     * The volatility head's calibration: the factor c that makes c·σ̂² the QLIKE-best multiple of the
     * network's variance forecasts on the training windows, c = mean(y² / σ̂²) (y the realised
     * volatility label). Why: the head is fitted by least squares on log σ, so exp(output) estimates
     * exp(E[log σ]), a median-like value below √E[σ²] — for a realised volatility of h = 5 normal
     * returns E[y²] / exp(2 E[log y]) = exp(ln 2.5 − ψ(2.5)) ≈ 1.24 — while QLIKE (like any variance
     * loss) is minimised by E[y²]. This is Duan's (1983) smearing estimator for a log-scale
     * regression, taken on the squared scale.
     */
    static double varianceCalibration(List<MultiLayerNetwork> nets, LabelScaling scaling, Windows x, double[] labels) {
        float[] raw = output(nets, x.all());
        double[] sigma = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            sigma[i] = scaling.invert(raw[i]);
        }
        return varianceCalibration(sigma, labels);
    }

    /** c = mean(y² / σ̂²): the c that minimises Σ QLIKE(y², c·σ̂²) (set its derivative in c to zero). */
    static double varianceCalibration(double[] forecastSigma, double[] labels) {
        if (forecastSigma.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("one label per forecast, at least one");
        }
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += labels[i] * labels[i] / (forecastSigma[i] * forecastSigma[i]);
        }
        double c = sum / labels.length;
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new ArithmeticException("volatility head: the variance calibration on the training windows is " + c);
        }
        return c;
    }

    /** The network's output, or the ensemble members' mean (summed in member order: deterministic). */
    private synchronized float[] output(INDArray input) {
        return output(nets, input);
    }

    private static float[] output(List<MultiLayerNetwork> nets, INDArray input) {
        float[] sum = nets.get(0).output(input, false).data().asFloat();
        for (int m = 1; m < nets.size(); m++) {
            float[] o = nets.get(m).output(input, false).data().asFloat();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += o[i];
            }
        }
        if (nets.size() > 1) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= nets.size();
            }
        }
        return sum;
    }

    private Forecast forecast(float raw, int bar, ModelData data) {
        if (!Float.isFinite(raw)) {
            throw new ArithmeticException(settings.kind() + ": the network's output for bar " + bar + " is " + raw);
        }
        if (settings.head() == Head.DIRECTION) {
            double p = Math.min(1.0, Math.max(0.0, raw));
            return new Forecast(p, p, Double.NaN);
        }
        if (settings.procedure().normalisation() == Procedure.WindowNormalisation.LAST_VALUE) {
            // The network forecasts the move relative to the window's last value of the first column.
            return Forecast.point((1 + scaling.invert(raw)) * Windows.lastValue(data, bar, 0, settings.kind()));
        }
        if (settings.head() == Head.VOLATILITY) {
            return Forecast.point(scaling.invert(raw) * Math.sqrt(varianceCalibration));
        }
        return Forecast.point(scaling.invert(raw));
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("head", settings.head().yamlName());
        d.put("window", settings.window());
        d.put("features", features);
        d.put("parameters", numParams());
        d.put("rows", rows);
        d.put("validation_rows", validationRows);
        d.put("seed", seed);
        d.put("training_recipe", settings.procedure().recipe().yamlName());
        if (settings.procedure().averagingEpochs() > 0) {
            d.put("weight_averaging_epochs", settings.procedure().averagingEpochs());
        }
        if (relativeColumns != null) {
            d.put("window_normalisation", settings.procedure().normalisation().yamlName());
            List<String> names = new ArrayList<>();
            for (int c = 0; c < relativeColumns.length; c++) {
                if (relativeColumns[c]) {
                    names.add("column " + c);
                }
            }
            d.put("relative_columns", List.copyOf(names));
        }
        LstmModel.Training training = trainings.get(0);
        d.put("epochs_run", training.epochsRun());
        d.put("max_epochs", settings.maxEpochs());
        d.put("best_epoch", training.bestEpoch());
        if (!training.validationLoss().isEmpty()) {
            d.put("best_validation_loss", training.bestValidationLoss());
        }
        d.put("stopped_early", training.stoppedEarly());
        d.put("restored_best_weights", training.restored());
        d.put("training_status", training.status().yamlName());
        // Read by the summary and report: true when any network's epoch budget ran out while its
        // validation loss was still reaching new lows (raise max_epochs or the learning rate).
        d.put("under_trained", trainings.stream().anyMatch(LstmModel.Training::underTrained));
        if (settings.warmStart()) {
            d.put("warm_start", true);
            if (initialisedFromFold != null) {
                d.put("initialised_from_fold", initialisedFromFold);
            }
        }
        d.put("train_loss", training.trainLoss());
        d.put("validation_loss", training.validationLoss());
        d.put("learning_rate", training.learningRate());
        if (trainings.size() > 1) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (int m = 0; m < trainings.size(); m++) {
                LstmModel.Training t = trainings.get(m);
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("seed", seed + m);
                member.put("epochs_run", t.epochsRun());
                member.put("best_epoch", t.bestEpoch());
                if (!t.validationLoss().isEmpty()) {
                    member.put("best_validation_loss", t.bestValidationLoss());
                }
                member.put("training_status", t.status().yamlName());
                member.put("train_loss", t.trainLoss());
                member.put("validation_loss", t.validationLoss());
                member.put("learning_rate", t.learningRate());
                members.add(Collections.unmodifiableMap(member));
            }
            d.put("ensemble", List.copyOf(members));
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("transform", settings.head() == Head.DIRECTION ? "none"
                : scaling.method() + (scaling.logarithm() ? "(log label)" : "(label)")
                + (settings.procedure().normalisation() == Procedure.WindowNormalisation.LAST_VALUE
                        ? " of label / last value of the first column - 1" : ""));
        labels.put("offset", scaling.offset());
        labels.put("scale", scaling.scale());
        d.put("label_scaling", labels);
        if (settings.head() == Head.VOLATILITY) {
            // 1 with the keras recipe (the course's fit forecasts exp(output) as it is)
            d.put("variance_calibration", varianceCalibration);
        }
        Map<String, Object> env = LstmRuntime.environment();
        d.put("nd4j_threads", env.get("threads"));
        d.put("nd4j_classifier", env.get("classifier"));
        return Collections.unmodifiableMap(d);
    }
}
