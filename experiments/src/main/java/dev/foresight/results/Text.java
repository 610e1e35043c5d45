package dev.foresight.results;

/** Short quotes of untrusted text for messages. */
final class Text {

    private Text() {
    }

    /** At most {@code max} characters of {@code s}, control characters shown as '?', with "…" when cut. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > max ? s.substring(0, max) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
