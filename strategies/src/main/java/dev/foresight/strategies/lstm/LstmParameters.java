package dev.foresight.strategies.lstm;

import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import java.util.ArrayList;
import java.util.List;

/** The YAML parameters both LSTM kinds share, and how they become {@link LstmSettings}. */
final class LstmParameters {

    private LstmParameters() {
    }

    static List<ParameterSpec> specs(List<Integer> lstmUnits, boolean attention) {
        List<ParameterSpec> p = new ArrayList<>(List.of(
                ParameterSpec.integer("window", 60, 1, 10_000, "time steps (bars) per input window"),
                ParameterSpec.integers("lstm_units", lstmUnits, 1, 4096,
                        attention ? "units of each stacked LSTM encoder layer (all return full sequences)"
                                : "units of each stacked LSTM layer; all but the last return full sequences"),
                ParameterSpec.real("dropout", 0.2, 0.0, 0.95,
                        "DROP probability after each LSTM layer, as in Keras (DL4J is given 1 - dropout)"),
                ParameterSpec.integers("dense_units", List.of(25), 0, 4096,
                        "hidden dense layers before the 1-unit output; [0] = none"),
                ParameterSpec.choice("dense_activation", "identity", LstmSettings.ACTIVATIONS,
                        "activation of the hidden dense layers (identity = Keras Dense default)"),
                ParameterSpec.real("l2", 0.0, 0.0, 1.0, "L2 weight penalty (0 = none)"),
                ParameterSpec.real("learning_rate", 0.0, 0.0, 1.0, "Adam's initial learning rate; 0 = the recipe's:"
                        + " converging " + Procedure.Recipe.CONVERGING.defaultLearningRate() + ", keras "
                        + Procedure.Recipe.KERAS.defaultLearningRate()),
                ParameterSpec.integer("batch_size", 32, 1, 1_000_000, "minibatch size"),
                ParameterSpec.integer("max_epochs", 100, 1, 100_000, "most passes over the training windows"),
                ParameterSpec.integer("patience", 10, 0, 100_000,
                        "early stopping on the validation tail: epochs without improvement before stopping (0 = off)"),
                ParameterSpec.bool("restore_best", true, "keep the weights of the epoch with the best validation loss"),
                ParameterSpec.real("gradient_clip", 0.0, 0.0, 1e6, "L2-norm gradient clipping per parameter type (0 = off)"),
                ParameterSpec.choice("head", "auto", Head.CHOICES,
                        "auto: direction for 0/1 labels, else regression; regression: MSE on scaled labels;"
                                + " direction: sigmoid + cross-entropy, forecast = P(up); volatility: MSE on"
                                + " scaled log σ, forecast exp(...) > 0"),
                ParameterSpec.bool("shuffle", true, "shuffle training windows each epoch (seeded; Keras' default)"),
                ParameterSpec.integer("seed", -1, -1, Integer.MAX_VALUE, "-1 = the batch's seed"),
                ParameterSpec.choice("training", "converging", Procedure.Recipe.CHOICES,
                        "converging: standardised labels, z-scored features by default, learning rate halved after "
                                + Procedure.Recipe.PLATEAU_EPOCHS + " epochs without a better validation loss; keras:"
                                + " the course's fit (min-max labels and features, constant learning rate)"),
                ParameterSpec.integer("ensemble", 1, 1, 100,
                        "networks trained from seeds seed, seed+1, ...; the forecast is their mean"),
                ParameterSpec.choice("window_normalisation", "none", Procedure.WindowNormalisation.CHOICES,
                        "last-value: each input window divided by its last value minus 1, the label taken relative"
                                + " to the first column's last value and the forecast mapped back (price levels;"
                                + " default scaling then none)"),
                ParameterSpec.integer("warm_up_epochs", -1, -1, 100_000,
                        "epochs before early stopping or a learning-rate cut may act (the best epoch is still"
                                + " tracked from the first; Keras' start_from_epoch); -1 = the recipe's: converging "
                                + Procedure.Recipe.WARM_UP_EPOCHS + ", keras 0"),
                ParameterSpec.real("weight_averaging", -1.0, -1.0, 1000.0,
                        "time constant in epochs of the moving average of the weights that is validated,"
                                + " restored and forecasts with (Polyak averaging; Keras' use_ema); 0 = off (the raw"
                                + " weights); -1 = the recipe's: converging " + Procedure.Recipe.AVERAGING_EPOCHS
                                + ", keras 0"),
                ParameterSpec.bool("warm_start", false, "start each fold's network from the previous fold's trained"
                        + " weights instead of fresh ones (folds then run in order, one chain per model; label and"
                        + " feature scaling stay per fold)")));
        if (attention) {
            p.add(ParameterSpec.integer("attention_heads", 1, 1, 64,
                    "heads of the learned self-attention over time steps; must divide the last LSTM layer's units"));
        }
        return List.copyOf(p);
    }

    /** {@code [0]} (YAML lists cannot be empty here) means no hidden dense layer. */
    private static List<Integer> dense(Parameters p) {
        List<Integer> units = p.integers("dense_units");
        if (units.equals(List.of(0))) {
            return List.of();
        }
        if (units.contains(0)) {
            throw p.error("dense_units", "0 is only allowed alone ([0] = no hidden dense layer)");
        }
        return units;
    }

    static LstmModel model(String kind, Parameters p, boolean attention) {
        return model(kind, p, attention, p.integer("window"), p.integers("lstm_units"), p.integer("ensemble"));
    }

    /** The same with the window, LSTM layers and ensemble size given (a kind that resolves automatic defaults itself). */
    static LstmModel model(String kind, Parameters p, boolean attention, int window, List<Integer> units, int ensemble) {
        int heads = attention ? p.integer("attention_heads") : 0;
        if (units.isEmpty()) {
            throw p.error("lstm_units", "needs at least one LSTM layer");
        }
        if (attention && units.get(units.size() - 1) % heads != 0) {
            throw p.error("attention_heads", "must divide the last LSTM layer's units (" + units.get(units.size() - 1) + ")");
        }
        return new LstmModel(new LstmSettings(kind, window, units, p.real("dropout"),
                dense(p), p.text("dense_activation"), heads, p.real("l2"), learningRate(p),
                p.integer("batch_size"), p.integer("max_epochs"), p.integer("patience"), p.bool("restore_best"),
                p.real("gradient_clip"), Head.of(p.text("head")), p.bool("shuffle"), p.integer("seed"),
                p.bool("warm_start"), procedure(p, ensemble)));
    }

    /** The YAML's rate, or the recipe's default for 0 (the converging recipe starts higher: README). */
    private static double learningRate(Parameters p) {
        double rate = p.real("learning_rate");
        return rate > 0 ? rate : Procedure.Recipe.of(p.text("training")).defaultLearningRate();
    }

    private static Procedure procedure(Parameters p, int ensemble) {
        Procedure.Recipe recipe = Procedure.Recipe.of(p.text("training"));
        int warmUp = p.integer("warm_up_epochs");
        double averaging = p.real("weight_averaging");
        return new Procedure(recipe, ensemble,
                Procedure.WindowNormalisation.of(p.text("window_normalisation")),
                warmUp >= 0 ? warmUp : recipe.defaultWarmUpEpochs(),
                averaging >= 0 ? averaging : recipe.defaultAveragingEpochs());
    }
}
