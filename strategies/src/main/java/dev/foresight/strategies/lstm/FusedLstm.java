package dev.foresight.strategies.lstm;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An LSTM layer whose whole recurrence (forward and backward) runs inside libnd4j's native
 * {@code lstmLayer} / {@code lstmLayer_bp} ops, instead of DL4J's {@code LSTM} layer, which issues
 * many small ND4J operations per time step from Java. Same function: gates i, f, g, o (libnd4j's
 * order), sigmoid gates, tanh cell and output, no peepholes, forget-gate bias 1, Xavier-uniform
 * (Keras' glorot-uniform) weights. Input {@code [batch, features, time]} (NCW); output the full
 * sequence, or only the last step's {@code [batch, units]} when {@code lastStepOnly}.
 *
 * <p>Public with a no-argument constructor and setters because DL4J copies layer configurations
 * through JSON.
 */
public final class FusedLstm extends SameDiffLayer {

    private long nIn;
    private long nOut;
    private boolean lastStepOnly;

    /** For DL4J's JSON copies only. */
    public FusedLstm() {
    }

    FusedLstm(long nOut, boolean lastStepOnly) {
        this.nOut = nOut;
        this.lastStepOnly = lastStepOnly;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NST)
                .directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH)
                .retFullSequence(!lastStepOnly)
                .retLastH(lastStepOnly)
                .retLastC(false)
                .build();
        LSTMLayerWeights weights = LSTMLayerWeights.builder()
                .weights(params.get("W"))
                .rWeights(params.get("RW"))
                .bias(params.get("b").reshape(4 * nOut))
                .build();
        return sd.rnn().lstmLayer(input, weights, config)[0];
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam("W", nIn, 4 * nOut);
        params.addWeightParam("RW", nOut, 4 * nOut);
        params.addBiasParam("b", 1, 4 * nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        xavierUniform(params.get("W"), nIn, 4 * nOut);
        xavierUniform(params.get("RW"), nOut, 4 * nOut);
        INDArray b = params.get("b");
        b.assign(0);
        // forget gate (the second block of nOut) starts at 1, as in Keras and DL4J's LSTM
        b.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(nOut, 2 * nOut)).assign(1.0);
    }

    /** U(−a, a), a = √(6 / (fanIn + fanOut)), drawn from ND4J's (seeded, per-thread) generator. */
    private static void xavierUniform(INDArray w, long fanIn, long fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        INDArray u = Nd4j.rand(DataType.FLOAT, w.shape());
        w.assign(u.muli(2 * a).subi(a));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (lastStepOnly) {
            return InputType.feedForward(nOut);
        }
        long length = ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength();
        return InputType.recurrent(nOut, length, RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = ((InputType.InputTypeRecurrent) inputType).getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long nOut) {
        this.nOut = nOut;
    }

    public boolean isLastStepOnly() {
        return lastStepOnly;
    }

    public void setLastStepOnly(boolean lastStepOnly) {
        this.lastStepOnly = lastStepOnly;
    }
}
