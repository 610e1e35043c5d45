package dev.foresight.error;

/**
 * How an error message quotes text from a user's file: at most {@value #MAX} characters, control
 * characters shown as {@code \\uXXXX}, and a note of how much was left out — so a 20 MB cell gives
 * a one-line message and a file's contents are never echoed back whole.
 */
public final class Quote {

    /** Characters of a value an error message shows at most. */
    public static final int MAX = 80;

    private Quote() {
    }

    public static String of(String text) {
        return of(text, MAX);
    }

    /** Like {@link #of(String)} with another limit (a parser's own message, which quotes the input itself). */
    public static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), max);
        StringBuilder b = new StringBuilder(n + 24);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (text.length() > max) {
            b.append("… (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }
}
