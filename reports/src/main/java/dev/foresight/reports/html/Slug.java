package dev.foresight.reports.html;

import java.nio.charset.StandardCharsets;

/** Anchor ids from user names: letters and digits kept, anything else hex-encoded, so ids never collide or inject. */
final class Slug {

    private Slug() {
    }

    static String of(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('_').append(String.format("%02x", b & 0xff));
            }
        }
        return out.toString();
    }
}
