package dev.foresight.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    /**
     * R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "holm") = 0.04 0.09 0.09 0.025 0.5 (m = 5:
     * 5·0.005, 4·0.01, 3·0.03, max(0.09, 2·0.04), max(0.09, 0.5)). A NaN is not a test.
     */
    @Test
    void holm_matchesRsPAdjust() {
        assertArrayEquals(new double[] {0.04, 0.09, 0.09, 0.025, 0.5},
                MultipleTesting.holm(new double[] {0.01, 0.04, 0.03, 0.005, 0.5}), 1e-15);
        assertArrayEquals(new double[] {0.02, Double.NaN, 0.3},
                MultipleTesting.holm(new double[] {0.01, Double.NaN, 0.3}), 1e-15);
        assertArrayEquals(new double[] {1.0, 1.0}, MultipleTesting.holm(new double[] {0.6, 0.7}), 0);
    }
}
