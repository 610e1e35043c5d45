package dev.foresight.batch;

import dev.foresight.error.UserError;
import dev.foresight.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Typed reads of YAML scalars with located errors that state what was expected. */
final class Fields {

    private Fields() {
    }

    static YamlNode.Mapping mapping(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new UserError(node.location(), what + " must be a mapping (key: value lines), got " + node.describe());
    }

    static YamlNode.Mapping requireMapping(YamlNode.Mapping parent, String key, String what) {
        return mapping(require(parent, key, what), what);
    }

    static YamlNode require(YamlNode.Mapping parent, String key, String what) {
        YamlNode n = parent.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.isNull()) {
            throw new UserError(parent.location().withField(join(parent.path(), key)), "missing required key '" + key + "' ("
                    + what + ")");
        }
        return n;
    }

    static String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw new UserError(node.location(), what + " must be a single value, got " + node.describe());
    }

    static String text(YamlNode.Mapping parent, String key, String fallback, String what) {
        YamlNode n = parent.get(key);
        return n == null ? fallback : text(n, what);
    }

    static String name(YamlNode node, String what) {
        String s = text(node, what);
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new UserError(node.location(), what + " '" + dev.foresight.error.Quote.of(s)
                    + "' must be 1-64 letters, digits, '_', '.' or '-' (it becomes part of file names)");
        }
        return s;
    }

    static int integer(YamlNode.Mapping parent, String key, int fallback, int min, int max, String what) {
        YamlNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        String s = text(n, what);
        try {
            long v = Long.parseLong(s.trim());
            if (v < min || v > max) {
                throw new UserError(n.location(), what + " must be an integer in [" + min + ", " + max + "], got " + v);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new UserError(n.location(), what + " must be an integer, got '" + dev.foresight.error.Quote.of(s) + "'");
        }
    }

    static long longValue(YamlNode.Mapping parent, String key, long fallback, String what) {
        YamlNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        String s = text(n, what);
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UserError(n.location(), what + " must be an integer, got '" + dev.foresight.error.Quote.of(s) + "'");
        }
    }

    static double real(YamlNode.Mapping parent, String key, double fallback, double min, double max, String what) {
        YamlNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        String s = text(n, what);
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new UserError(n.location(), what + " must be a number, got '" + dev.foresight.error.Quote.of(s) + "'");
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new UserError(n.location(), what + " must be a number in [" + min + ", " + max + "], got " + dev.foresight.error.Quote.of(s));
        }
        return v;
    }

    static <E extends Enum<E>> E choice(YamlNode.Mapping parent, String key, E fallback, Class<E> type, String what) {
        YamlNode n = parent.get(key);
        if (n == null) {
            return fallback;
        }
        String s = text(n, what);
        String wanted = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").equals(wanted.replace("_", ""))) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        throw new UserError(n.location(), what + " must be one of " + String.join(", ", names) + ", got '" + dev.foresight.error.Quote.of(s) + "'");
    }

    static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }
}
