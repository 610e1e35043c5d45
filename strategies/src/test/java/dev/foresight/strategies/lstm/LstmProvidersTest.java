package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.foresight.error.UserError;
import dev.foresight.plugin.Parameters;
import dev.foresight.scaling.ScalingMethod;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class LstmProvidersTest {

    @Test
    void defaults_areTheCoursesNetwork() {
        LstmProvider provider = new LstmProvider();
        LstmModel model = (LstmModel) provider.create(Parameters.defaults(provider));
        LstmSettings s = model.settings();
        assertEquals(60, model.window());
        // The course's architecture with the converging training recipe: z-scored features by default;
        // training: keras restores the course's min-max.
        assertEquals(ScalingMethod.ZSCORE, model.defaultScaling());
        assertEquals(Procedure.DEFAULT, s.procedure());
        assertEquals(100, s.maxEpochs());
        assertEquals(ScalingMethod.MINMAX, new LstmModel(s.withProcedure(Procedure.KERAS)).defaultScaling());
        assertEquals(List.of(128, 64), s.lstmUnits());
        assertEquals(List.of(25), s.denseUnits());
        assertEquals(0.2, s.dropout());
        assertEquals(32, s.batchSize());
        // The converging recipe starts at 3e-3 (Keras' 1e-3 with training: keras) and warms up 20 epochs.
        assertEquals(3e-3, s.learningRate());
        assertEquals(20, s.procedure().warmUpEpochs());

        // The network itself: LSTM 128 (sequence) → dropout → LSTM 64 (last step) → dropout → dense 25 → 1.
        MultiLayerNetwork net = Networks.build(s.withHead(Head.REGRESSION), 1, 1);
        var layers = net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
        assertEquals(6, layers.size());
        assertEquals(128, ((LSTM) layers.get(0)).getNOut());
        DropoutLayer drop = (DropoutLayer) layers.get(1);
        // DL4J's dropout argument is the RETAIN probability: Keras Dropout(0.2) = 0.8.
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) drop.getIDropout()).getP());
        assertEquals(64, ((LSTM) ((LastTimeStep) layers.get(2)).getUnderlying()).getNOut());
        assertEquals(25, ((DenseLayer) layers.get(4)).getNOut());
        OutputLayer out = (OutputLayer) layers.get(5);
        assertEquals(1, out.getNOut());
        assertEquals(LossMSE.class, out.getLossFn().getClass());
        assertEquals(3e-3, ((Adam) ((LSTM) layers.get(0)).getIUpdater()).getLearningRate());
        // Keras' parameter count for this model (input 1 feature): 66,560 + 49,408 + 1,625 + 26.
        assertEquals(117_619, net.numParams());
    }

    @Test
    void givenValues_reachTheSettings() {
        LstmAttentionProvider provider = new LstmAttentionProvider();
        LstmModel model = (LstmModel) provider.create(Parameters.of(provider, Map.of("window", 20, "lstm_units",
                List.of(16, 8), "attention_heads", 4, "dense_units", List.of(0), "head", "direction", "patience", 3)));
        LstmSettings s = model.settings();
        assertEquals(20, s.window());
        assertEquals(4, s.attentionHeads());
        assertEquals(List.of(), s.denseUnits());
        assertEquals(Head.DIRECTION, s.head());
        assertEquals(3, s.patience());
    }

    @Test
    void attentionHeadsThatDoNotDivideTheUnits_areAUserError() {
        LstmAttentionProvider provider = new LstmAttentionProvider();
        assertThrows(UserError.class, () -> provider.create(Parameters.of(provider,
                Map.of("lstm_units", List.of(10), "attention_heads", 3))));
        LstmProvider plain = new LstmProvider();
        assertThrows(UserError.class, () -> Parameters.of(plain, Map.of("dropout", 1.0)));
    }
}
