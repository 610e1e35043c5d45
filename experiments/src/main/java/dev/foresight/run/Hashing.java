package dev.foresight.run;

import dev.foresight.data.Column;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of canonical bytes — never {@code hashCode} — for provenance and task keys. */
final class Hashing {

    private Hashing() {
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hash of the data as loaded (dates and every column, in a fixed order), whatever its source. */
    static String sha256(MarketData data) {
        MessageDigest md = digest();
        for (PriceSeries s : data.all()) {
            md.update(s.symbol().getBytes(StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(8);
            for (int t = 0; t < s.size(); t++) {
                buf.clear();
                buf.putLong(s.date(t).toEpochDay());
                md.update(buf.array());
            }
            for (Column c : Column.values()) {
                if (!s.has(c)) {
                    continue;
                }
                md.update(c.yamlName().getBytes(StandardCharsets.UTF_8));
                for (double v : s.column(c)) {
                    buf.clear();
                    buf.putLong(Double.doubleToLongBits(v));
                    md.update(buf.array());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A 64-bit seed derived from a base seed and names, stable across runs and JVMs. */
    static long derive(long base, String... parts) {
        MessageDigest md = digest();
        md.update(ByteBuffer.allocate(8).putLong(base).array());
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return ByteBuffer.wrap(md.digest()).getLong();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
