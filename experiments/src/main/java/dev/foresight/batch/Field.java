package dev.foresight.batch;

import dev.foresight.error.Quote;
import dev.foresight.error.UserError;
import dev.foresight.yaml.YamlNode;
import java.util.Objects;

/**
 * One key of a fixed section of the batch format, described once: its type, range and default,
 * the label its error messages use and the text the JSON Schema documents it with.
 * {@link BatchParser} reads the key through it and {@link BatchSchema} publishes it from it, so
 * the two cannot disagree about a range or a default.
 *
 * <p>A null {@code min} or {@code max} is unbounded (the parser still rejects what does not fit an
 * {@code int}); a null {@code fallback} means the key has no documented default (it is required,
 * or its default depends on another key, as {@code step}'s on {@code test}). Keys whose shape no
 * single type states ({@link Type#SPECIAL}: {@code train}, {@code perturb_folds}, {@code window})
 * carry only their name, label and documentation here; their reading stays in the parser.
 *
 * @param what the key as error messages name it, often with its unit: "embargo (bars)"
 * @param doc  what the key means, as the schema documents it (null only for a {@link Type#SPECIAL} key
 *             whose schema definition documents it)
 */
record Field(String key, Type type, Number fallback, Number min, Number max, String what, String doc) {

    enum Type {
        INTEGER,
        REAL,
        BOOLEAN,
        /** Read and published by hand: see the class comment. */
        SPECIAL
    }

    Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(what, "what");
        if (doc == null && type != Type.SPECIAL) {
            throw new NullPointerException(key + ": doc"); // only a key documented by its own definition has none
        }
        if (type == Type.REAL) {
            // the schema prints a Double as 0.0 and an Integer as 0: a real's bounds must be Doubles
            for (Number n : new Number[] {fallback, min, max}) {
                if (n != null && !(n instanceof Double)) {
                    throw new IllegalArgumentException(key + ": a real field's bounds and default must be Doubles");
                }
            }
        }
        if (type == Type.INTEGER) {
            for (Number n : new Number[] {fallback, min, max}) {
                if (n != null && !(n instanceof Integer || n instanceof Long)) {
                    throw new IllegalArgumentException(key + ": an integer field's bounds and default must be integers");
                }
            }
        }
    }

    static Field integer(String key, Integer fallback, Long min, Long max, String what, String doc) {
        return new Field(key, Type.INTEGER, fallback, min, max, what, doc);
    }

    static Field real(String key, Double fallback, Double min, Double max, String what, String doc) {
        return new Field(key, Type.REAL, fallback, min, max, what, doc);
    }

    static Field bool(String key, boolean fallback, String doc) {
        return new Field(key, Type.BOOLEAN, fallback ? 1 : 0, null, null, key, doc);
    }

    static Field special(String key, String what, String doc) {
        return new Field(key, Type.SPECIAL, null, null, null, what, doc);
    }

    /** The key's integer value in {@code m}, or its default. */
    int readInt(YamlNode.Mapping m) {
        return readInt(m, fallback.intValue());
    }

    /** The key's integer value in {@code m}, or {@code fallback} when absent (a default computed elsewhere). */
    int readInt(YamlNode.Mapping m, int fallback) {
        requireType(Type.INTEGER);
        return Fields.integer(m, key, fallback, min == null ? Integer.MIN_VALUE : min.intValue(),
                max == null ? Integer.MAX_VALUE : max.intValue(), what);
    }

    /** The key's value in {@code m} as a {@code long} (an unbounded integer: seeds), or its default. */
    long readLong(YamlNode.Mapping m) {
        requireType(Type.INTEGER);
        if (min != null || max != null) {
            throw new IllegalStateException(key + " is bounded: read it with readInt");
        }
        return Fields.longValue(m, key, fallback.longValue(), what);
    }

    /** The key's real value in {@code m}, or its default. */
    double readReal(YamlNode.Mapping m) {
        requireType(Type.REAL);
        return Fields.real(m, key, fallback.doubleValue(), min == null ? -Double.MAX_VALUE : min.doubleValue(),
                max == null ? Double.MAX_VALUE : max.doubleValue(), what);
    }

    /** The key's value in {@code m} ({@code true} or {@code false}), or its default. */
    boolean readBoolean(YamlNode.Mapping m) {
        requireType(Type.BOOLEAN);
        YamlNode n = m.get(key);
        if (n == null) {
            return fallbackBoolean();
        }
        String text = Fields.text(n, what);
        if (!text.equals("true") && !text.equals("false")) {
            throw new UserError(n.location(), what + " must be true or false, got '" + Quote.of(text) + "'");
        }
        return Boolean.parseBoolean(text);
    }

    boolean fallbackBoolean() {
        return fallback.intValue() != 0;
    }

    private void requireType(Type wanted) {
        if (type != wanted) {
            throw new IllegalStateException(key + " is " + type + ", not " + wanted);
        }
    }
}
