package dev.foresight.strategies.lstm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link LSTM} layer configuration (same parameters, same layout, same initialisation:
 * {@code LSTMParamInitializer}, so the same seed gives bit-identical initial weights) whose
 * recurrence runs in {@link GemmLstmLayer}: input and recurrent weights stacked, so one matrix
 * product per time step forward and two backward, and the gate nonlinearities in Java loops that
 * the JIT vectorises ({@link GateMath}).
 * DL4J's own layer issues many small ND4J operations per time step (and recomputes the forward
 * pass in backprop), which is where its training time goes (bench/lstm).
 *
 * <p>Only the configuration Foresight uses is supported, and anything else throws: tanh
 * activation, sigmoid gates, NCW input, single precision, no masks, no weight noise, no truncated
 * BPTT. Wrap it in {@code LastTimeStep} for last-step-only output, like DL4J's layer.
 *
 * <p>Public with a no-argument constructor because DL4J copies layer configurations through JSON.
 */
public class GemmLstm extends LSTM {

    /** For DL4J's JSON copies only. */
    public GemmLstm() {
    }

    /**
     * The course's LSTM of {@code units} units: tanh, sigmoid gates, forget-gate bias 1, NCW.
     *
     * <p>The network-wide settings must reach this layer as they reach one made by
     * {@code LSTM.Builder}: {@code NeuralNetConfiguration.Builder} copies its gradient
     * normalisation, threshold, bias and gain initialisation and regularisation into a layer only
     * where the layer's own value is unset (null, NaN or an empty list). {@code BaseLayer}'s field
     * initialisers are not "unset" ({@code GradientNormalization.None}, threshold 1, init 0,
     * regularisation null), so without the lines below a network-wide {@code gradient_clip} never
     * reached GemmLstm: its layers went unclipped while DL4J's were clipped, which is the 1.4%
     * Adam-step difference that once kept clipped models on DL4J's layer (Adam's first step is
     * ≈ ±lr whatever the gradient's scale, so the missing clip showed only through ε).
     */
    GemmLstm(int units) {
        setGradientNormalization(null);
        setGradientNormalizationThreshold(Double.NaN);
        setBiasInit(Double.NaN);
        setGainInit(Double.NaN);
        setRegularization(new ArrayList<>());
        setRegularizationBias(new ArrayList<>());
        setNOut(units);
        setActivationFn(new ActivationTanH());
        setGateActivationFn(new ActivationSigmoid());
        setForgetGateBiasInit(1.0);
        setRnnDataFormat(RNNFormat.NCW);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        if (getNIn() <= 0 || getNOut() <= 0) {
            throw new IllegalStateException("GemmLstm (layer " + layerIndex + "): nIn and nOut must be set");
        }
        GemmLstmLayer ret = new GemmLstmLayer(conf, networkDataType);
        ret.setListeners(trainingListeners);
        ret.setIndex(layerIndex);
        ret.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        ret.setParamTable(paramTable);
        ret.setConf(conf);
        return ret;
    }
}
