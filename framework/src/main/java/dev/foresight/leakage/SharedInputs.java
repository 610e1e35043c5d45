package dev.foresight.leakage;

import dev.foresight.data.MarketData;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.result.CheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The every-bar check of each (experiment, fold)'s inputs, shared by the batch's tasks. The
 * experiment's feature sets and regime detectors are the same for every model, so their every-bar
 * recomputation runs once per fold ({@link InputCheck}: created by the first task to get there,
 * computed by every task of the fold that arrives while bars are left); every other task of the
 * fold compares its own feature matrix and regime labels with the first task's, bit for bit, on
 * every bar — which also catches a plugin whose output depends on what ran before it in its task.
 * Thread-safe.
 */
public final class SharedInputs {

    private final Map<String, InputCheck> byFold = new ConcurrentHashMap<>();

    /** The check of {@code key}'s inputs: the one another task created, or {@code create}'s. */
    InputCheck join(String key, Supplier<InputCheck> create) {
        return byFold.computeIfAbsent(key, k -> create.get());
    }

    /**
     * The differences between a task's inputs and those of the task {@code check} compared with
     * (its basis): per shared feature set (a shared check starts at the first) and regime detector,
     * the first bar (up to the fold's last test bar) where they differ.
     */
    static List<CheckOutcome> compare(MarketData data, InputCheck check, String model, FittedFold fitted) {
        List<CheckOutcome> out = new ArrayList<>();
        FittedFold ref = check.basis().fitted();
        String refModel = check.basis().model();
        FeatureMatrix raw = ref.raw();
        int last = fitted.fold().testEnd();
        int offset = 0;
        for (int i = 0; i < check.to(); i++) {
            FittedFold.FittedFeatureSet set = ref.featureSets().get(i);
            int width = set.columns().size();
            found:
            for (int t = 0; t <= last; t++) {
                for (int c = offset; c < offset + width; c++) {
                    double a = raw.get(t, c);
                    double b = fitted.raw().get(t, c);
                    if (!Values.same(a, b)) {
                        out.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "feature set " + set.name(), "column '"
                                + fitted.raw().names().get(c) + "' at bar " + t + " (" + data.date(t) + "): "
                                + Values.show(a) + " in model " + refModel + "'s task, " + Values.show(b) + " in model "
                                + model + "'s, on the same data and fold: its output depends on state left by an "
                                + "earlier computation"));
                        break found;
                    }
                }
            }
            offset += width;
        }
        ref.regimeLabels().forEach((name, labels) -> {
            String[] mine = fitted.regimeLabels().get(name);
            for (int t = 0; mine != null && t <= last; t++) {
                if (!Values.same(labels[t], mine[t])) {
                    out.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "regime detector " + name, "label at bar " + t
                            + " (" + data.date(t) + "): '" + labels[t] + "' in model " + refModel + "'s task, '"
                            + mine[t] + "' in model " + model + "'s, on the same data and fold: its output depends on"
                            + " state left by an earlier computation"));
                    break;
                }
            }
        });
        return out;
    }
}
