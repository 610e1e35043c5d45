package dev.foresight.reports.html;

import java.util.Locale;

/** Number formatting for the page: Locale.ROOT, "–" for a figure that does not apply. */
final class Fmt {

    static final String NONE = "–";

    private Fmt() {
    }

    static String num(Double v, String format) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, format, v);
    }

    static String pct(Double v, int decimals) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * v);
    }

    /** A signed figure: "+0.41", "−0.12". */
    static String signed(Double v, String format) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, format, Math.abs(v));
        return (v > 0 ? "+" : v < 0 ? "−" : "±") + s;
    }

    static String p(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** "p = 0.123" or "p < 0.001". */
    static String pIs(Double v) {
        String p = p(v);
        return p.startsWith("<") ? "p " + p.replace("<", "< ") : "p = " + p;
    }

    /**
     * Significance stars from a p-value: *** below 0.01, ** below 0.05, * below 0.10, nothing
     * otherwise (the conventions card says so).
     */
    static String stars(Double p) {
        if (p == null || !Double.isFinite(p)) {
            return "";
        }
        return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.10 ? "*" : "";
    }

    /** A value for a sortable cell's data attribute: empty sorts last. */
    static String sortKey(Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }

    /** Rounds a chart value to 6 significant digits (only the picture, never a metric); null for non-finite. */
    static Double chart(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        if (v == 0) {
            return 0.0;
        }
        // Scale to six significant digits, round, scale back: short decimal output, far cheaper than BigDecimal.
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        double scale = Math.pow(10, 5 - exponent);
        double r = Math.round(v * scale) / scale;
        return Double.isFinite(r) ? r : v;
    }
}
