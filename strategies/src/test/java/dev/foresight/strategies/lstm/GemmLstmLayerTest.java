package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link GemmLstmLayer}'s bulk reads and writes of ND4J memory: every kind of array DL4J hands the
 * layer (fresh arrays, views into the flattened parameters and gradients at an offset, in 'c' or 'f'
 * order, strided views) reads as its values and is written where its values are, checked element
 * by element through ND4J's own indexing.
 */
class GemmLstmLayerTest {

    /** Views of [rows, cols] at an offset of a 1 × 50 array: dense 'c', dense 'f', and a strided one. */
    private static List<INDArray> views(int rows, int cols) {
        INDArray flat = Nd4j.arange(50).castTo(DataType.FLOAT).reshape(1, 50);
        INDArray segment = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(7, 7 + rows * cols));
        INDArray wide = Nd4j.arange(rows * (cols + 3)).castTo(DataType.FLOAT).reshape('c', rows, cols + 3);
        return List.of(segment.reshape('c', rows, cols), segment.reshape('f', rows, cols),
                wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + cols)),
                Nd4j.arange(rows * cols).castTo(DataType.DOUBLE).reshape('c', rows, cols));
    }

    @Test
    void matrix_readsEveryKindOfViewAsItsValuesInTheAskedOrder() {
        int rows = 3;
        int cols = 4;
        for (INDArray v : views(rows, cols)) {
            for (char order : new char[] {'c', 'f'}) {
                float[] read = GemmLstmLayer.matrix(v, order);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int at = order == 'c' ? r * cols + c : c * rows + r;
                        assertEquals(v.getFloat(r, c), read[at], v.ordering() + " view read in " + order + " at " + r + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void store_writesEveryKindOfViewWhereItsValuesAre() {
        int rows = 3;
        int cols = 4;
        float[] src = new float[2 + rows * cols];
        for (int i = 0; i < src.length; i++) {
            src[i] = 100 + i;
        }
        for (INDArray v : views(rows, cols)) {
            INDArray before = v.dup();
            GemmLstmLayer.store(src, 2, rows, cols, v);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    assertEquals(src[2 + r * cols + c], v.getFloat(r, c), v.ordering() + " view at " + r + "," + c);
                }
            }
            assertFalse(before.equals(v));
        }
    }

    @Test
    void store_leavesTheValuesAroundAViewUntouched() {
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, 20);
        INDArray bias = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 13)).reshape(1, 8);
        GemmLstmLayer.store(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 1, 8, bias);
        for (int i = 0; i < 20; i++) {
            assertEquals(i >= 5 && i < 13 ? i - 4 : 0f, flat.getFloat(0, i), "flat[" + i + "]");
        }
        assertTrue(GemmLstmLayer.dense(bias, 'c'));
    }
}
