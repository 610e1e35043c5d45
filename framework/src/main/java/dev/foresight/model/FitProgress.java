package dev.foresight.model;

/**
 * Where an iteratively trained model reports how far its fit has got, so that a long task shows
 * signs of life (epoch k of n, the validation loss) instead of a silent "1/2 tasks done". The
 * caller creates one per fit (it knows the task and fold; the model does not need to) and hands it
 * over in the {@link FitContext}; a model calls {@link #epoch} after each epoch, from the thread
 * that runs the fit. Reports are information only: they must never influence the fit, and a
 * listener must be quick and must not throw.
 */
@FunctionalInterface
public interface FitProgress {

    /** Ignores every report: the default when nobody listens (and in the leakage checks' refits). */
    FitProgress NONE = report -> { };

    /** One epoch (pass over the training rows) finished. */
    void epoch(Epoch report);

    /**
     * One finished epoch.
     *
     * @param member         which network of an ensemble (0-based), 0 for a single network
     * @param members        networks in the ensemble, ≥ 1
     * @param epoch          the epoch just finished, from 1
     * @param maxEpochs      the most epochs this network may run (early stopping may end it sooner)
     * @param trainLoss      mean training loss over the epoch
     * @param validationLoss loss on the validation rows after the epoch, NaN without validation rows
     * @param learningRate   the learning rate used during the epoch
     */
    record Epoch(int member, int members, int epoch, int maxEpochs, double trainLoss, double validationLoss,
                 double learningRate) {

        public Epoch {
            if (members < 1 || member < 0 || member >= members || epoch < 1 || maxEpochs < epoch) {
                throw new IllegalArgumentException("impossible progress report: member " + member + " of " + members
                        + ", epoch " + epoch + " of " + maxEpochs);
            }
        }

        /** Share of the fit's largest possible work done, in (0, 1]: what an ETA is computed from. */
        public double fractionOfMaximum() {
            return (member + epoch / (double) maxEpochs) / members;
        }
    }
}
