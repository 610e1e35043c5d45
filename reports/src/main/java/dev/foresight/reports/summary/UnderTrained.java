package dev.foresight.reports.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Models whose training did not get a fair trial: the folds whose fit diagnostics say
 * {@value #KEY} (the LSTM's: the epoch budget ran out while the validation loss was still reaching
 * new lows). Their scores understate what the model can do, so the summary says so next to them
 * rather than leaving the reader to find it in the task files.
 *
 * @param experiment the experiment
 * @param model      the model
 * @param folds      the under-trained folds' indices, ascending
 * @param of         how many folds the model has
 */
record UnderTrained(String experiment, String model, List<Integer> folds, int of) {

    /** The task diagnostics' key a model sets to true when it stopped while still improving. */
    static final String KEY = "under_trained";

    UnderTrained {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("an under-trained model has at least one under-trained fold");
        }
    }

    /** Every experiment × model of the run with at least one under-trained fold, in batch order. */
    static List<UnderTrained> of(Map<String, List<Scorecard.ModelResults>> results) {
        List<UnderTrained> out = new ArrayList<>();
        results.values().forEach(models -> models.forEach(m -> {
            List<Integer> folds = m.tasks().stream()
                    .filter(t -> Boolean.TRUE.equals(t.diagnostics().get(KEY)))
                    .map(t -> t.fold().index()).sorted().toList();
            if (!folds.isEmpty()) {
                out.add(new UnderTrained(m.experiment().name(), m.model().name(), folds, m.tasks().size()));
            }
        }));
        return List.copyOf(out);
    }

    /** The summary's line, e.g. {@code under-trained: daily-return/lstm in 2 of 4 folds (1, 3): ...}. */
    String line() {
        return "under-trained: " + experiment + "/" + model + " in " + folds.size() + " of " + of + " folds ("
                + String.join(", ", folds.stream().map(String::valueOf).toList()) + "): the validation loss was still"
                + " falling when max_epochs ran out; its scores understate the model (raise max_epochs or learning_rate)";
    }
}
