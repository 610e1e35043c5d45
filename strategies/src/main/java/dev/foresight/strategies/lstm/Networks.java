package dev.foresight.strategies.lstm;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J network for a {@link LstmSettings}. Keras equivalences for the course's model:
 * Keras {@code Dropout(0.2)} is DL4J dropout with RETAIN probability 0.8; Keras' Adam epsilon is
 * 1e-7 (DL4J's default 1e-8); Keras' glorot-uniform kernel is {@link WeightInit#XAVIER_UNIFORM}
 * (DL4J has no orthogonal recurrent initialiser, Keras' recurrent default, so that one is
 * Xavier-uniform too); the forget-gate bias starts at 1 in both. Inputs are
 * {@code [batch, features, time]} (DL4J's NCW) in single precision.
 */
final class Networks {

    /** Keras' Adam epsilon. */
    private static final double ADAM_EPSILON = 1e-7;

    private Networks() {
    }

    /** Which layer computes the LSTM recurrence (the same network and parameter count in each). */
    enum Recurrence {
        /** DL4J's {@code LSTM} layer: many small ND4J operations per time step. */
        STOCK,
        /** {@link FusedLstm}: libnd4j's native lstmLayer op through SameDiff. */
        FUSED,
        /** {@link GemmLstm}: DL4J's LSTM configuration and parameters, the recurrence as a few BLAS products. */
        GEMM
    }

    /**
     * The recurrence the models use: {@link GemmLstm}, the same network as DL4J's LSTM layer (same
     * parameters and initial weights, outputs and gradients equal within float rounding:
     * GemmLstmTest) and 2.6× (1 thread) to 5× (2 threads) faster to train (bench/lstm).
     */
    static final Recurrence DEFAULT_RECURRENCE = Recurrence.GEMM;

    /**
     * The models' network, with the default recurrence also when {@code gradient_clip} is set:
     * clipped GemmLstm steps equal DL4J's (GemmLstmTest; see GemmLstm's constructor for why they
     * once did not).
     */
    static MultiLayerNetwork build(LstmSettings s, int features, long seed) {
        return build(s, features, seed, DEFAULT_RECURRENCE, WorkspaceMode.ENABLED);
    }

    /**
     * The benchmark's levers (bench/lstm): {@code recurrence} picks the layer that computes the
     * LSTM recurrence; {@code workspaces} is DL4J's memory-reuse mode.
     */
    static MultiLayerNetwork build(LstmSettings s, int features, long seed, Recurrence recurrence,
                                   WorkspaceMode workspaces) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(s.learningRate(), 0.9, 0.999, ADAM_EPSILON))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces);
        if (s.l2() > 0) {
            base.l2(s.l2());
        }
        if (s.gradientClip() > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerParamType)
                    .gradientNormalizationThreshold(s.gradientClip());
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int layers = s.lstmUnits().size();
        boolean attention = s.attentionHeads() > 0;
        for (int i = 0; i < layers; i++) {
            LSTM lstm = new LSTM.Builder()
                    .nOut(s.lstmUnits().get(i))
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .forgetGateBiasInit(1.0)
                    .dataFormat(RNNFormat.NCW)
                    .build();
            boolean last = i == layers - 1;
            switch (recurrence) {
                case FUSED -> list.layer(new FusedLstm(s.lstmUnits().get(i), last && !attention));
                case GEMM -> {
                    GemmLstm gemm = new GemmLstm(s.lstmUnits().get(i));
                    list.layer(last && !attention ? new LastTimeStep(gemm) : gemm);
                }
                default -> list.layer(last && !attention ? new LastTimeStep(lstm) : lstm);
            }
            if (s.dropout() > 0) {
                list.layer(new DropoutLayer.Builder(1.0 - s.dropout()).build());
            }
        }
        if (attention) {
            int units = s.lstmUnits().get(layers - 1);
            // Multi-head dot-product self-attention over the time steps of the encoder's states, then
            // the mean over time. (DL4J M2.1's LearnedSelfAttentionLayer — one learned query — fails in
            // its native scatter_update op, so self-attention plus pooling stands in for it.)
            list.layer(new SelfAttentionLayer.Builder()
                    .nOut(units)
                    .nHeads(s.attentionHeads())
                    .headSize(units / s.attentionHeads())
                    .projectInput(true)
                    .build());
            // [batch, units, time] → [batch, units]
            list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        }
        Activation dense = switch (s.denseActivation()) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> Activation.IDENTITY;
        };
        for (int units : s.denseUnits()) {
            list.layer(new DenseLayer.Builder().nOut(units).activation(dense).build());
        }
        boolean direction = s.head() == Head.DIRECTION;
        list.layer(new OutputLayer.Builder(direction ? LossFunctions.LossFunction.XENT : LossFunctions.LossFunction.MSE)
                .nOut(1)
                .activation(direction ? Activation.SIGMOID : Activation.IDENTITY)
                .build());
        list.setInputType(InputType.recurrent(features, s.window(), RNNFormat.NCW));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
