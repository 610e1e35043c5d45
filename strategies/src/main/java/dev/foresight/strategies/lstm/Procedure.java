package dev.foresight.strategies.lstm;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a network is trained and what it is shown, beyond its architecture: the training recipe, the
 * size of the seed ensemble, the per-window normalisation and the warm-up.
 *
 * @param recipe        {@link Recipe#CONVERGING} (the default) or {@link Recipe#KERAS} (the course)
 * @param ensemble      networks trained from seeds {@code seed, seed+1, …}; the forecast is their mean
 * @param normalisation how each input window is normalised before the network sees it
 * @param warmUpEpochs  epochs during which neither early stopping nor the learning-rate schedule acts
 *                      (the best epoch is still tracked from the first): Keras' {@code start_from_epoch}.
 *                      0 = from the first epoch
 * @param averagingEpochs the time constant, in epochs, of the exponential moving average of the
 *                      weights that is validated, restored and used to forecast (Polyak averaging,
 *                      Keras' optimizer {@code use_ema}); 0 = off: the raw weights of the last step
 */
record Procedure(Recipe recipe, int ensemble, WindowNormalisation normalisation, int warmUpEpochs,
                 double averagingEpochs) {

    /** The course's training exactly: what the LSTM did before the converging recipe existed. */
    static final Procedure KERAS = new Procedure(Recipe.KERAS, 1, WindowNormalisation.NONE, 0, 0);
    /** The default: the converging recipe, one network, windows as the framework scaled them. */
    static final Procedure DEFAULT = new Procedure(Recipe.CONVERGING, 1, WindowNormalisation.NONE,
            Recipe.WARM_UP_EPOCHS, Recipe.AVERAGING_EPOCHS);

    Procedure {
        Objects.requireNonNull(recipe);
        Objects.requireNonNull(normalisation);
        if (ensemble < 1) {
            throw new IllegalArgumentException("ensemble must be >= 1 network, got " + ensemble);
        }
        if (warmUpEpochs < 0) {
            throw new IllegalArgumentException("warm_up_epochs must be >= 0, got " + warmUpEpochs);
        }
        if (!(averagingEpochs >= 0) || !Double.isFinite(averagingEpochs)) {
            throw new IllegalArgumentException("weight_averaging must be >= 0 epochs, got " + averagingEpochs);
        }
    }

    /** The same procedure with another weight-averaging time constant (0 = off). */
    Procedure withAveragingEpochs(double epochs) {
        return new Procedure(recipe, ensemble, normalisation, warmUpEpochs, epochs);
    }

    /**
     * The training recipe. Both use Adam, MSE (or cross-entropy for direction), minibatches of the
     * shuffled windows, early stopping on the validation tail and the best weights restored.
     */
    enum Recipe {
        /**
         * Labels standardised (mean 0, standard deviation 1 on the training labels; log σ for the
         * volatility head), features z-scored by default, and the learning rate halved whenever
         * the validation loss has not improved for {@link #PLATEAU_EPOCHS} epochs (down to
         * {@link #SMALLEST_RATE_FRACTION} of the initial rate). Why each: README "Training that
         * converges".
         */
        CONVERGING,
        /** Keras' {@code fit}: labels and features min-max scaled, a constant learning rate. */
        KERAS;

        /** Epochs without a better validation loss before the learning rate is halved. */
        static final int PLATEAU_EPOCHS = 3;
        /** Factor applied to the learning rate on a plateau. */
        static final double PLATEAU_FACTOR = 0.5;
        /** The learning rate is not lowered below this fraction of the initial rate (5 halvings). */
        static final double SMALLEST_RATE_FRACTION = 1.0 / 32;
        /**
         * The converging recipe's warm-up: no early stop and no rate cut before this epoch. On a
         * small nonlinear signal the validation loss first rises while the network fits noise, and
         * only later falls as it finds the signal; stopping on the first rise kept the epoch-1
         * network (README "Training that converges").
         */
        static final int WARM_UP_EPOCHS = 20;
        /**
         * The converging recipe's weight averaging: the validated and forecasting weights are an
         * exponential moving average of the trained ones with this time constant in epochs. At the
         * recipe's rate the raw weights jitter from epoch to epoch by more than a small signal is
         * worth (README "Training that converges").
         */
        static final double AVERAGING_EPOCHS = 2;
        /** The converging recipe's initial Adam rate: three times Keras' (README "Training that converges"). */
        static final double CONVERGING_LEARNING_RATE = 3e-3;
        /** Keras' Adam default. */
        static final double KERAS_LEARNING_RATE = 1e-3;

        static final List<String> CHOICES = List.of("converging", "keras");

        /** The recipe's initial learning rate when the YAML does not set one. */
        double defaultLearningRate() {
            return this == CONVERGING ? CONVERGING_LEARNING_RATE : KERAS_LEARNING_RATE;
        }

        /** The recipe's weight averaging when the YAML does not set one: Keras' fit has none. */
        double defaultAveragingEpochs() {
            return this == CONVERGING ? AVERAGING_EPOCHS : 0;
        }

        /** The recipe's warm-up when the YAML does not set one: Keras' fit has none. */
        int defaultWarmUpEpochs() {
            return this == CONVERGING ? WARM_UP_EPOCHS : 0;
        }

        static Recipe of(String yamlName) {
            return valueOf(yamlName.toUpperCase(Locale.ROOT));
        }

        String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Per-window input normalisation. */
    enum WindowNormalisation {
        /** The windows as the framework's scaler left them. */
        NONE,
        /**
         * Each window's price-like columns (positive on every training bar) divided by their value at
         * the window's last bar, minus 1 (so the last bar is 0 and earlier bars are relative changes),
         * and the regression label likewise taken relative to the first column's last value: the
         * forecast is mapped back to a level. The remedy for price levels that leave the training
         * range (the course's pitfall): the network only ever sees relative moves. Other columns
         * (returns) are passed as they are; the first column must be a price level, and the
         * features unscaled (the model's default scaling is then none).
         */
        LAST_VALUE;

        static final List<String> CHOICES = List.of("none", "last-value");

        static WindowNormalisation of(String yamlName) {
            return valueOf(yamlName.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
