package dev.foresight.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart specifications of one page, by container id. Sections add a spec and put the returned
 * id on a {@code <div class="chart" data-chart="ID">}; the page script draws each from the spec.
 *
 * <p>Long series are thinned for the picture only (metrics always use every bar): beyond
 * {@value #MAX_POINTS} points a series keeps every k-th bar (k = ⌈n / {@value #MAX_POINTS}⌉) plus
 * the last; a drawdown series keeps each bucket's deepest point so the worst trough stays visible.
 */
final class Charts {

    static final int MAX_POINTS = 1000;

    private final Map<String, Object> specs = new LinkedHashMap<>();

    String add(String kind, Map<String, Object> spec) {
        String id = "chart-" + (specs.size() + 1);
        Map<String, Object> s = new LinkedHashMap<>(spec);
        s.put("kind", kind);
        specs.put(id, s);
        return id;
    }

    Map<String, Object> specs() {
        return specs;
    }

    /** Bar positions to draw for a series of n bars. */
    static int[] keep(int n) {
        int k = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i += k) {
            out.add(i);
        }
        if (n > 0 && out.get(out.size() - 1) != n - 1) {
            out.add(n - 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Values at the kept positions, rounded for the picture. */
    static List<Double> thin(double[] values, int[] keep) {
        ArrayList<Double> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(Fmt.chart(values[i]));
        }
        return out;
    }

    /** Each kept point's bucket minimum (for drawdowns). */
    static List<Double> thinMin(double[] values, int[] keep) {
        ArrayList<Double> out = new ArrayList<>(keep.length);
        for (int j = 0; j < keep.length; j++) {
            int from = j == 0 ? 0 : keep[j - 1] + 1;
            double m = Double.POSITIVE_INFINITY;
            for (int i = from; i <= keep[j]; i++) {
                m = Math.min(m, values[i]);
            }
            out.add(Fmt.chart(m));
        }
        return out;
    }

    static <T> List<T> pick(List<T> values, int[] keep) {
        ArrayList<T> out = new ArrayList<>(keep.length);
        for (int i : keep) {
            out.add(values.get(i));
        }
        return out;
    }
}
