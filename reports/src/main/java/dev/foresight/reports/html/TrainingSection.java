package dev.foresight.reports.html;

import dev.foresight.result.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training curves per fold, for models that record them: the task diagnostics' lists
 * {@value #TRAIN} and {@value #VALIDATION} (one number per epoch; either may be absent). Models
 * without them (every non-neural model) are simply not shown.
 */
final class TrainingSection implements Section {

    static final String TRAIN = "train_loss";
    static final String VALIDATION = "validation_loss";
    static final String UNDER_TRAINED = "under_trained";

    record Block(String experiment, String model, String chart, String epochs) {
    }

    record View(List<Block> blocks, boolean any, String trainKey, String validationKey) {
    }

    @Override
    public String slot() {
        return "training";
    }

    @Override
    public String render(ReportInput in, Charts charts) {
        List<Block> blocks = new ArrayList<>();
        for (ReportInput.Experiment e : in.experiments()) {
            for (ReportInput.ModelRun m : e.models()) {
                List<Map<String, Object>> series = new ArrayList<>();
                int maxEpochs = 0;
                List<String> epochs = new ArrayList<>();
                for (TaskResult t : m.tasks()) {
                    List<Double> train = numbers(t.diagnostics().get(TRAIN));
                    List<Double> validation = numbers(t.diagnostics().get(VALIDATION));
                    String fold = "fold " + t.fold().index();
                    if (!train.isEmpty()) {
                        series.add(EquitySection.series(fold + " train", train));
                    }
                    if (!validation.isEmpty()) {
                        series.add(EquitySection.series(fold + " validation", validation));
                    }
                    if (!train.isEmpty() || !validation.isEmpty()) {
                        // under_trained (LSTM diagnostics): the epoch budget ran out while the
                        // validation loss was still falling — the model did not get a fair trial.
                        epochs.add(fold + ": " + Math.max(train.size(), validation.size())
                                + (Boolean.TRUE.equals(t.diagnostics().get(UNDER_TRAINED))
                                        ? " (under-trained: validation loss still falling at max_epochs)" : ""));
                    }
                    maxEpochs = Math.max(maxEpochs, Math.max(train.size(), validation.size()));
                }
                if (series.isEmpty()) {
                    continue;
                }
                List<String> x = new ArrayList<>();
                for (int i = 1; i <= maxEpochs; i++) {
                    x.add(String.valueOf(i));
                }
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("x", x);
                spec.put("series", series);
                spec.put("xName", "epoch");
                spec.put("yName", "training loss, scaled target (per sample)");
                blocks.add(new Block(e.name(), m.name(), charts.add("lines", spec), String.join(", ", epochs)));
            }
        }
        return Templates.render(slot(), new View(blocks, !blocks.isEmpty(), TRAIN, VALIDATION));
    }

    /** A list of numbers from a diagnostics value; anything else (absent, not a list) is empty. */
    static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Number n) {
                    out.add(Fmt.chart(n.doubleValue()));
                } else if (o instanceof String s) {
                    // Result files write non-finite numbers as strings ("NaN"): a gap in the curve.
                    out.add(null);
                } else {
                    return List.of();
                }
            }
        }
        return out;
    }
}
