package dev.foresight.statistics;

import java.util.Arrays;

/**
 * Family-wise error control for a handful of p-values (one per model of an experiment): Holm's
 * step-down adjustment (Holm, "A Simple Sequentially Rejective Multiple Test Procedure", Scand. J.
 * Statistics 6(2), 1979). With the m p-values sorted ascending, {@code p_(1) ≤ … ≤ p_(m)}:
 * <pre>
 *   adjusted p_(i) = min(1, max_{j ≤ i} (m − j + 1) p_(j))
 * </pre>
 * Rejecting every adjusted p-value below α keeps the probability of any false rejection ≤ α, under
 * any dependence between the tests. NaN p-values (tests that did not apply) are not counted in m and
 * stay NaN. Same results as R's {@code p.adjust(p, "holm")}.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    public static double[] holm(double[] p) {
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                if (v < 0 || v > 1) {
                    throw new IllegalArgumentException("p-values must be in [0, 1], got " + v);
                }
                m++;
            }
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        // NaN last; ties keep input order (a stable sort), as R's order() does.
        Arrays.sort(order, (a, b) -> Double.compare(Double.isNaN(p[a]) ? 2 : p[a], Double.isNaN(p[b]) ? 2 : p[b]));
        double[] out = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            int i = order[rank];
            if (Double.isNaN(p[i])) {
                out[i] = Double.NaN;
                continue;
            }
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
