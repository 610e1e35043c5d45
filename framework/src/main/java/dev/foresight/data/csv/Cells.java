package dev.foresight.data.csv;

/** Parsing of single CSV cells: missing-value markers and numbers. No regex: this runs per cell. */
final class Cells {

    private Cells() {
    }

    /**
     * The markers that mean "no value": empty, {@code null} (Yahoo), {@code .} (FRED), {@code -}
     * (Yahoo web tables) and {@code NaN} (pandas); {@code null} and {@code nan} in any case.
     */
    static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals(".") || cell.equals("-") || cell.equalsIgnoreCase("null")
                || cell.equalsIgnoreCase("nan");
    }

    /**
     * A decimal number, optionally with a sign, an exponent and thousands separators in the
     * integer part ({@code 3,268,240,000}). Returns NaN when the cell is not such a number, so
     * the caller can report the cell; {@code Double.parseDouble} alone would also accept
     * {@code Infinity}, hex floats and a trailing {@code d}, which are not numbers in a CSV file.
     */
    static double parseNumber(String cell) {
        int n = cell.length();
        int i = 0;
        if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
            i++;
        }
        int intStart = i;
        int digits = 0;
        int group = -1; // digits since the last separator; -1 before the first separator
        boolean separators = false;
        while (i < n) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (group >= 0) {
                    group++;
                }
            } else if (c == ',') {
                // "1,234": the first group has 1..3 digits, every later group exactly 3
                if (group < 0 ? i == intStart || i - intStart > 3 : group != 3) {
                    return Double.NaN;
                }
                group = 0;
                separators = true;
            } else {
                break;
            }
            i++;
        }
        if (group >= 0 && group != 3) {
            return Double.NaN;
        }
        if (i < n && cell.charAt(i) == '.') {
            i++;
            while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        return Double.parseDouble(separators ? cell.replace(",", "") : cell);
    }
}
