package dev.foresight.strategies.lstm;

import java.util.List;
import java.util.Objects;

/**
 * Everything that defines an LSTM network and its training, as the YAML gives it. The defaults
 * ({@link LstmProvider}) are the course's network: window 60, LSTM 128 (full sequence) → dropout
 * 0.2 → LSTM 64 (last step) → dropout 0.2 → dense 25 → dense 1, Adam, MSE, batch 32 (Adam from
 * 3e-3 with the converging recipe, Keras' 1e-3 with keras).
 *
 * @param kind           the YAML kind, for messages
 * @param window         time steps per input window
 * @param lstmUnits      units of each stacked LSTM layer, first (nearest the input) first
 * @param dropout        Keras-style DROP probability after each LSTM layer (0 = none); DL4J takes
 *                       the retain probability, 1 − dropout, which {@link Networks} passes
 * @param denseUnits     hidden dense layers between the last LSTM (or attention) and the output
 * @param denseActivation activation of those dense layers: identity is Keras' {@code Dense} default
 * @param attentionHeads 0 = plain stacked LSTM; ≥ 1 = learned self-attention over the time steps
 *                       of the last LSTM layer's full sequence, with that many heads
 * @param l2             L2 weight penalty (0 = none)
 * @param learningRate   Adam's step size
 * @param batchSize      minibatch size
 * @param maxEpochs      most passes over the training rows
 * @param patience       early stopping: stop after this many epochs without a better validation
 *                       loss (0 = train all {@code maxEpochs})
 * @param restoreBest    keep the weights of the epoch with the best validation loss
 * @param gradientClip   per-parameter-type L2-norm clipping threshold (0 = none)
 * @param head           output head and loss
 * @param shuffle        shuffle the training windows each epoch with a seeded generator (Keras'
 *                       {@code fit} default); false keeps chronological order
 * @param seed           −1 = the batch's seed, else this one
 * @param warmStart      start each fold's network from a copy of the previous fold's trained
 *                       parameters instead of fresh initial weights (the folds then run in order)
 * @param procedure      the training recipe, ensemble size and window normalisation
 */
record LstmSettings(String kind, int window, List<Integer> lstmUnits, double dropout, List<Integer> denseUnits,
                    String denseActivation, int attentionHeads, double l2, double learningRate, int batchSize,
                    int maxEpochs, int patience, boolean restoreBest, double gradientClip, Head head, boolean shuffle,
                    long seed, boolean warmStart, Procedure procedure) {

    static final List<String> ACTIVATIONS = List.of("identity", "relu", "tanh", "sigmoid");

    LstmSettings {
        Objects.requireNonNull(kind);
        lstmUnits = List.copyOf(lstmUnits);
        denseUnits = List.copyOf(denseUnits);
        Objects.requireNonNull(head);
        Objects.requireNonNull(procedure);
        if (window < 1) {
            throw new IllegalArgumentException(kind + ": window must be ≥ 1, got " + window);
        }
        if (lstmUnits.isEmpty() || lstmUnits.stream().anyMatch(u -> u < 1)) {
            throw new IllegalArgumentException(kind + ": lstm_units needs at least one layer, each ≥ 1 unit: " + lstmUnits);
        }
        if (denseUnits.stream().anyMatch(u -> u < 1)) {
            throw new IllegalArgumentException(kind + ": dense_units must each be ≥ 1: " + denseUnits);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(kind + ": dropout is a drop probability in [0, 1), got " + dropout);
        }
        if (!ACTIVATIONS.contains(denseActivation)) {
            throw new IllegalArgumentException(kind + ": dense_activation must be one of " + ACTIVATIONS);
        }
        if (attentionHeads < 0 || l2 < 0 || !(learningRate > 0) || batchSize < 1 || maxEpochs < 1 || patience < 0
                || gradientClip < 0 || seed < -1) {
            throw new IllegalArgumentException(kind + ": out-of-range setting (attention heads ≥ 0, l2 ≥ 0, learning"
                    + " rate > 0, batch size ≥ 1, max epochs ≥ 1, patience ≥ 0, gradient clip ≥ 0, seed ≥ -1)");
        }
    }

    /** The course's training procedure ({@link Procedure#KERAS}), optionally warm-starting. */
    LstmSettings(String kind, int window, List<Integer> lstmUnits, double dropout, List<Integer> denseUnits,
                 String denseActivation, int attentionHeads, double l2, double learningRate, int batchSize,
                 int maxEpochs, int patience, boolean restoreBest, double gradientClip, Head head, boolean shuffle,
                 long seed, boolean warmStart) {
        this(kind, window, lstmUnits, dropout, denseUnits, denseActivation, attentionHeads, l2, learningRate, batchSize,
                maxEpochs, patience, restoreBest, gradientClip, head, shuffle, seed, warmStart, Procedure.KERAS);
    }

    /** The same settings without warm start (each fit from fresh initial weights), the course's procedure. */
    LstmSettings(String kind, int window, List<Integer> lstmUnits, double dropout, List<Integer> denseUnits,
                 String denseActivation, int attentionHeads, double l2, double learningRate, int batchSize,
                 int maxEpochs, int patience, boolean restoreBest, double gradientClip, Head head, boolean shuffle,
                 long seed) {
        this(kind, window, lstmUnits, dropout, denseUnits, denseActivation, attentionHeads, l2, learningRate, batchSize,
                maxEpochs, patience, restoreBest, gradientClip, head, shuffle, seed, false);
    }

    /** The seed a fit uses: this setting's, or the batch's. */
    long seedFor(long batchSeed) {
        return seed >= 0 ? seed : batchSeed;
    }

    LstmSettings withHead(Head h) {
        return new LstmSettings(kind, window, lstmUnits, dropout, denseUnits, denseActivation, attentionHeads, l2,
                learningRate, batchSize, maxEpochs, patience, restoreBest, gradientClip, h, shuffle, seed, warmStart,
                procedure);
    }

    /** The same settings with warm start on or off. */
    LstmSettings withWarmStart(boolean on) {
        return new LstmSettings(kind, window, lstmUnits, dropout, denseUnits, denseActivation, attentionHeads, l2,
                learningRate, batchSize, maxEpochs, patience, restoreBest, gradientClip, head, shuffle, seed, on, procedure);
    }

    /** The same settings with another training procedure. */
    LstmSettings withProcedure(Procedure p) {
        return new LstmSettings(kind, window, lstmUnits, dropout, denseUnits, denseActivation, attentionHeads, l2,
                learningRate, batchSize, maxEpochs, patience, restoreBest, gradientClip, head, shuffle, seed, warmStart, p);
    }
}
