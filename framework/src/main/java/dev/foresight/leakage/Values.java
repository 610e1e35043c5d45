package dev.foresight.leakage;

import java.util.Locale;

/** Exact comparison and display of recomputed values: deterministic code must reproduce every bit. */
final class Values {

    private Values() {
    }

    /** Equal, or both NaN (a warm-up cell); {@code 0.0 == -0.0} counts as equal. */
    static boolean same(double a, double b) {
        return a == b || Double.isNaN(a) && Double.isNaN(b);
    }

    static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    static String show(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.10g", v);
    }
}
