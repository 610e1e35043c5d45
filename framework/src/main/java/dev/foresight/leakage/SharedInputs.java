package dev.foresight.leakage;

import dev.foresight.data.MarketData;
import dev.foresight.feature.FeatureMatrix;
import dev.foresight.pipeline.FittedFold;
import dev.foresight.result.CheckOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inputs of each (experiment, fold) once truncation invariance passed on them, shared by the
 * batch's tasks. The experiment's feature sets and regime detectors are the same for every model,
 * so the every-bar recomputation runs once per fold, by the first task to get there; every other
 * task of the fold compares its own feature matrix and regime labels with that reference, bit for
 * bit, on every bar — which also catches a plugin whose output depends on what ran before it in
 * its task. Thread-safe.
 */
public final class SharedInputs {

    /** The checked inputs of one fold: which task computed them, and what it computed. */
    record Reference(String model, List<String> sets, List<Integer> widths, FeatureMatrix raw,
                     Map<String, String[]> regimeLabels) {
    }

    private final Map<String, Reference> byFold = new ConcurrentHashMap<>();

    Reference get(String key) {
        return byFold.get(key);
    }

    void offer(String key, Reference reference) {
        byFold.putIfAbsent(key, reference);
    }

    /**
     * The differences between a task's inputs and the reference: per shared feature set and regime
     * detector, the first bar (up to the fold's last test bar) where they differ.
     */
    static List<CheckOutcome> compare(MarketData data, Reference ref, String model, FittedFold fitted) {
        List<CheckOutcome> out = new java.util.ArrayList<>();
        int last = fitted.fold().testEnd();
        int offset = 0;
        for (int i = 0; i < ref.sets().size(); i++) {
            String name = ref.sets().get(i);
            int width = ref.widths().get(i);
            found:
            for (int t = 0; t <= last; t++) {
                for (int c = offset; c < offset + width; c++) {
                    double a = ref.raw().get(t, c);
                    double b = fitted.raw().get(t, c);
                    if (!Values.same(a, b)) {
                        out.add(CheckOutcome.failed(CheckOutcome.TRUNCATION, "feature set " + name, "column '"
                                + fitted.raw().names().get(c) + "' at bar " + t + " (" + data.date(t) + "): "
                                + Values.show(a) + " in model " + ref.model() + "'s task, " + Values.show(b) + " in model "
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
                            + " (" + data.date(t) + "): '" + labels[t] + "' in model " + ref.model() + "'s task, '"
                            + mine[t] + "' in model " + model + "'s, on the same data and fold: its output depends on"
                            + " state left by an earlier computation"));
                    break;
                }
            }
        });
        return out;
    }
}
