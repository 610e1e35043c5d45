package dev.foresight.strategies.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class WeightAverageTest {

    private static float[] add(WeightAverage average, float... parameters) {
        average.add(Nd4j.create(parameters));
        return average.weights().toFloatVector();
    }

    /** Hand-computed: a running mean over the first three steps, then weight 1/3 per step. */
    @Test
    void weightAverage_isARunningMeanThenAnExponentialAverage() {
        WeightAverage average = new WeightAverage(Nd4j.create(new float[] {1, 2}), 3);
        assertArrayEquals(new float[] {3, 4}, add(average, 3, 4), 1e-6f, "the first step replaces the initial weights");
        assertArrayEquals(new float[] {4, 6}, add(average, 5, 8), 1e-6f, "mean of two steps");
        assertArrayEquals(new float[] {6, 4}, add(average, 10, 0), 1e-6f, "mean of three steps = 2/3 old + 1/3 new");
        assertArrayEquals(new float[] {4, 8f / 3}, add(average, 0, 0), 1e-6f, "then 1/3 per step, not 1/4");
    }

    @Test
    void weightAverage_startsFromACopy() {
        var initial = Nd4j.create(new float[] {1, 2});
        WeightAverage average = new WeightAverage(initial, 2);
        add(average, 7, 7);
        assertArrayEquals(new float[] {1, 2}, initial.toFloatVector(), 0f);
    }

    @Test
    void weightAverage_needsATimeConstantOfAtLeastOneStep() {
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(Nd4j.create(new float[] {1}), 0.5));
    }
}
