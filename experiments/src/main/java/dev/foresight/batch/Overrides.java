package dev.foresight.batch;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import dev.foresight.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --set path=value} overrides applied to the YAML tree before validation, e.g.
 * {@code --set data.path=AAPL.csv} or {@code --set experiments[0].walk_forward.train=500}.
 * Missing mapping keys are created; list items must exist.
 */
public final class Overrides {

    private Overrides() {
    }

    public static YamlNode apply(YamlNode root, List<String> assignments) {
        YamlNode out = root;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UserError(Location.at("--set", 0, 0, a), "expected path=value, e.g. data.path=prices.csv");
            }
            String path = a.substring(0, eq).trim();
            String value = a.substring(eq + 1);
            List<Object> steps = steps(path);
            Location origin = Location.at("--set", 0, 0, path);
            out = set(out, steps, 0, new YamlNode.Scalar(value, origin), origin);
        }
        return out;
    }

    /**
     * {@code root} with {@code value} set at a dotted path ({@code walk_forward.train}, {@code a[0].b});
     * mappings it has to create, and its errors, are located at {@code value} (a grid entry), never at --set.
     */
    static YamlNode setAt(YamlNode root, String path, YamlNode value) {
        return set(root, steps(path), 0, value, value.location().withField(path));
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            String p = part;
            int br = p.indexOf('[');
            String key = br < 0 ? p : p.substring(0, br);
            if (!key.isEmpty()) {
                steps.add(key);
            }
            while (br >= 0) {
                int close = p.indexOf(']', br);
                if (close < 0) {
                    throw new UserError(Location.at("--set", 0, 0, path), "unbalanced '[' in the path");
                }
                try {
                    steps.add(Integer.parseInt(p.substring(br + 1, close)));
                } catch (NumberFormatException e) {
                    throw new UserError(Location.at("--set", 0, 0, path), "list index must be a number");
                }
                br = p.indexOf('[', close);
            }
        }
        if (steps.isEmpty()) {
            throw new UserError(Location.at("--set", 0, 0, path), "empty path");
        }
        return steps;
    }

    private static YamlNode set(YamlNode node, List<Object> steps, int i, YamlNode value, Location origin) {
        if (i == steps.size()) {
            return value;
        }
        Object step = steps.get(i);
        if (step instanceof String key) {
            YamlNode.Mapping m = node instanceof YamlNode.Mapping mm ? mm
                    : node == null || node instanceof YamlNode.Scalar s && s.isNull()
                    ? new YamlNode.Mapping(Map.of(), origin)
                    : null;
            if (m == null) {
                throw new UserError(origin, "cannot set '" + key + "' inside " + node.describe()
                        + " at " + node.location());
            }
            return m.with(key, set(m.get(key), steps, i + 1, value, origin));
        }
        int index = (Integer) step;
        if (!(node instanceof YamlNode.Sequence seq) || index < 0 || index >= seq.items().size()) {
            throw new UserError(origin, "no list item [" + index + "] there");
        }
        List<YamlNode> items = new ArrayList<>(seq.items());
        items.set(index, set(items.get(index), steps, i + 1, value, origin));
        return new YamlNode.Sequence(items, seq.location());
    }
}
