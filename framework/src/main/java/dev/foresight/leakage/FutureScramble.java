package dev.foresight.leakage;

import dev.foresight.data.Column;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Replaces every bar after {@code cut} with a scrambled one, made unmistakably different so that
 * any dependence on it shows: the first bar after the cut jumps to three times the highest close up
 * to the cut (a new extreme moves every full-sample minimum/maximum, mean and deviation), then the
 * close-to-close log returns after the cut follow in shuffled order (seeded) at twice their size.
 * Every price column of a bar is scaled by the same factor as its close (so open/high/low stay
 * consistent); volumes are shuffled with the same permutation. Bars {@code 0..cut} are untouched;
 * so are dates and the simulator's true regimes (evaluation data, not an input).
 */
public final class FutureScramble {

    static final double JUMP = 3.0;
    static final double RETURN_SCALE = 2.0;

    private FutureScramble() {
    }

    public static MarketData after(MarketData data, int cut, long seed) {
        return data.map(series -> scramble(series, cut, seed));
    }

    static PriceSeries scramble(PriceSeries s, int cut, long seed) {
        int n = s.size();
        if (cut >= n - 1) {
            return s;
        }
        double[] close = s.column(Column.CLOSE);
        int m = n - 1 - cut;
        int[] perm = permutation(m, new SplittableRandom(seed ^ s.symbol().hashCode()));
        double[] factor = new double[n];
        Arrays.fill(factor, 1.0);
        double highest = 0;
        for (int t = 0; t <= cut; t++) {
            highest = Math.max(highest, close[t]);
        }
        double level = JUMP * highest;
        for (int i = 0; i < m; i++) {
            if (i > 0) {
                int src = cut + 1 + perm[i];
                level *= Math.exp(RETURN_SCALE * Math.log(close[src] / close[src - 1]));
            }
            factor[cut + 1 + i] = level / close[cut + 1 + i];
        }
        Map<Column, double[]> out = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            if (!s.has(c)) {
                continue;
            }
            double[] v = s.column(c);
            if (c == Column.VOLUME) {
                double[] shuffled = v.clone();
                for (int i = 0; i < m; i++) {
                    shuffled[cut + 1 + i] = v[cut + 1 + perm[i]];
                }
                out.put(c, shuffled);
            } else {
                for (int t = cut + 1; t < n; t++) {
                    v[t] *= factor[t];
                }
                out.put(c, v);
            }
        }
        return PriceSeries.of(s.symbol(), s.dates(), out, s.trueRegimes().orElse(null));
    }

    /** A random permutation that moves at least one element (when there are two or more). */
    private static int[] permutation(int m, SplittableRandom random) {
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        if (m > 1 && IntStream.range(0, m).allMatch(i -> p[i] == i)) {
            int tmp = p[0];
            p[0] = p[1];
            p[1] = tmp;
        }
        return p;
    }
}
