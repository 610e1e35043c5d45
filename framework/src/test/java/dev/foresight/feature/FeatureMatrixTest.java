package dev.foresight.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A head shares its source's columns, so nothing past its rows may be readable through it: the
 * truncation check hands a model the head at a bar and relies on the rows after it being invisible.
 */
class FeatureMatrixTest {

    private static final FeatureMatrix M = FeatureMatrix.of(List.of("a", "b"),
            new double[][] {{1, 2, 3, 4}, {10, Double.NaN, 30, 40}}, 4);

    @Test
    void head_readsItsRowsOnly() {
        FeatureMatrix h = M.head(2);
        assertEquals(2, h.rows());
        assertEquals(2.0, h.get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> h.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> h.complete(3));
        assertArrayEquals(new double[] {10, Double.NaN}, h.column(1));
        assertFalse(h.complete(1));
        assertTrue(h.complete(0));
    }

    @Test
    void head_isCutEverywhereItIsCombined() {
        FeatureMatrix h = M.head(3);
        FeatureMatrix joined = h.concat(FeatureMatrix.of(List.of("c"), new double[][] {{7, 8, 9}}, 3));
        assertEquals(3, joined.rows());
        assertArrayEquals(new double[] {1, 2, 3}, joined.column(0));
        assertArrayEquals(new double[] {7, 8, 9}, joined.column(2));
        FeatureMatrix mapped = h.mapColumns((c, v) -> {
            assertEquals(3, v.length);
            return v;
        });
        assertArrayEquals(new double[] {10, Double.NaN, 30}, mapped.column(1));
        assertArrayEquals(new double[] {1, 2}, h.head(2).column(0));
    }

    @Test
    void head_ofAllRowsIsItself_andOfMoreIsRefused() {
        assertSame(M, M.head(4));
        assertThrows(IllegalArgumentException.class, () -> M.head(5));
    }

    @Test
    void column_isACopy() {
        M.column(0)[0] = 99;
        assertEquals(1.0, M.get(0, 0));
    }
}
