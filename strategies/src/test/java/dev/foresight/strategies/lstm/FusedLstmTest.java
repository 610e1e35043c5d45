package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FusedLstmTest {

    /**
     * With the same weights, the fused layer computes what DL4J's LSTM layer computes. DL4J orders
     * the four gate blocks (candidate g, forget f, output o, input i); libnd4j (i, f, g, o).
     */
    @Test
    void fusedLstm_computesTheSameFunctionAsDl4jsLstmLayer() {
        int units = 5;
        LstmSettings s = new LstmSettings("lstm", 7, List.of(units), 0.0, List.of(), "identity", 0, 0.0, 1e-3, 4, 1, 0,
                false, 0.0, Head.REGRESSION, false, -1);
        Nd4j.getRandom().setSeed(3);
        MultiLayerNetwork stock = Networks.build(s, 2, 3, Networks.Recurrence.STOCK, WorkspaceMode.ENABLED);
        MultiLayerNetwork fused = Networks.build(s, 2, 3, Networks.Recurrence.FUSED, WorkspaceMode.ENABLED);
        int[] dl4jBlockOf = {3, 1, 0, 2}; // libnd4j block k takes DL4J block dl4jBlockOf[k]
        for (String p : List.of("W", "RW", "b")) {
            // biases: [4n] in DL4J's layer, [1, 4n] in the fused one; both viewed as [rows, 4n]
            INDArray from = matrix(stock.getLayer(0).getParam(p));
            INDArray to = matrix(fused.getLayer(0).getParam(p));
            assertArrayEquals(from.shape(), to.shape(), p);
            for (int k = 0; k < 4; k++) {
                int j = dl4jBlockOf[k];
                to.get(NDArrayIndex.all(), NDArrayIndex.interval(k * units, (k + 1) * units))
                        .assign(from.get(NDArrayIndex.all(), NDArrayIndex.interval(j * units, (j + 1) * units)));
            }
        }
        fused.getLayer(1).setParams(stock.getLayer(1).params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 7);
        float[] a = stock.output(x, false).data().asFloat();
        float[] b = fused.output(x, false).data().asFloat();
        assertEquals(3, a.length);
        assertArrayEquals(a, b, 1e-5f);
        assertEquals(stock.numParams(), fused.numParams());
    }

    private static INDArray matrix(INDArray a) {
        return a.rank() == 1 ? a.reshape(1, a.length()) : a;
    }
}
