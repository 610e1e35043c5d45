package dev.foresight.reports.html;

import dev.foresight.evaluation.ModelPath;
import dev.foresight.result.BarRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The time axis of one experiment's charts: every out-of-sample bar any model forecast, in bar
 * order (models that failed on a fold have holes there, drawn as gaps).
 */
final class Axis {

    private final List<String> dates = new ArrayList<>();
    private final Map<Integer, Integer> position = new TreeMap<>();
    /** Each bar's regime labels, from the first model that has the bar. */
    private final List<Map<String, String>> regimes = new ArrayList<>();

    Axis(List<ModelPath> paths) {
        Map<Integer, BarRecord> bars = new TreeMap<>();
        for (ModelPath p : paths) {
            for (BarRecord b : p.bars()) {
                bars.putIfAbsent(b.bar(), b);
            }
        }
        for (BarRecord b : bars.values()) {
            position.put(b.bar(), dates.size());
            dates.add(b.date());
            regimes.add(b.regimes());
        }
    }

    int size() {
        return dates.size();
    }

    List<String> dates() {
        return dates;
    }

    /** A value per bar of the path, placed on this axis; NaN where the path has no bar. */
    double[] place(ModelPath path, double[] values) {
        double[] out = new double[size()];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < values.length; i++) {
            out[position.get(path.bars().get(i).bar())] = values[i];
        }
        return out;
    }

    /** Values at the given bars, placed on this axis (bars not on it are dropped); NaN elsewhere. */
    double[] place(int[] bars, double[] values) {
        double[] out = new double[size()];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < values.length; i++) {
            Integer at = position.get(bars[i]);
            if (at != null) {
                out[at] = values[i];
            }
        }
        return out;
    }

    /**
     * Runs of equal labels of one detector over the drawn bars ({@code keep}), for shading:
     * [from date, to date, label]. Bars a detector left unlabelled are not shaded.
     */
    List<List<String>> runs(String detector, int[] keep) {
        List<List<String>> out = new ArrayList<>();
        int start = 0;
        for (int j = 1; j <= keep.length; j++) {
            String label = regimes.get(keep[start]).get(detector);
            if (j == keep.length || !Objects.equals(regimes.get(keep[j]).get(detector), label)) {
                if (label != null) {
                    out.add(List.of(dates.get(keep[start]), dates.get(keep[j - 1]), label));
                }
                start = j;
            }
        }
        return out;
    }
}
