package dev.foresight.strategies.lstm;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exponential moving average of a network's parameters, updated after every training step
 * (Polyak averaging; Keras' optimizer option {@code use_ema}). Over the first steps it is the
 * running mean of the steps so far (weight 1/k on step k), so the initial weights, which no step has
 * moved yet, carry no weight; once 1/k falls below 1/{@code timeConstantSteps} each step gets that
 * constant weight.
 *
 * <p>Why: at the converging recipe's learning rate the trained weights jitter from step to step, and
 * on a small signal the validation loss of consecutive epochs differs by more than the signal is
 * worth (README "Training that converges"); the average sits nearer the middle of the region SGD
 * wanders in, so it is the better forecaster and its validation loss the steadier guide for early
 * stopping and the best epoch.
 */
final class WeightAverage {

    private final INDArray average;
    private final double smallestWeight;
    private long steps;

    /**
     * @param parameters        the parameters at the start (copied; their values are replaced by the first step's)
     * @param timeConstantSteps the average's time constant in steps, &ge; 1
     */
    WeightAverage(INDArray parameters, double timeConstantSteps) {
        if (!(timeConstantSteps >= 1) || !Double.isFinite(timeConstantSteps)) {
            throw new IllegalArgumentException("the time constant must be at least one step, got " + timeConstantSteps);
        }
        this.average = parameters.dup();
        this.smallestWeight = 1.0 / timeConstantSteps;
    }

    /** Folds in the parameters after one more step. */
    void add(INDArray parameters) {
        steps++;
        double a = Math.max(1.0 / steps, smallestWeight);
        average.muli(1 - a).addi(parameters.mul(a));
    }

    /** The average (a live view: copy it to keep it). */
    INDArray weights() {
        return average;
    }
}
