package dev.foresight.batch;

import dev.foresight.error.Location;
import dev.foresight.plugin.ParameterValue;
import dev.foresight.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configured plugin from YAML: its kind, resolved parameters and instance, plus where it was
 * declared (for errors raised later, at run time).
 */
public record PluginSpec<T>(String kind, Map<String, Object> parameters, T instance, Location location) {

    static <T> PluginSpec<T> of(PluginRegistry.Configured<T> c, Location where) {
        return new PluginSpec<>(c.kind(), c.parameters().asMap(), c.instance(), where);
    }

    /** {@code {kind: ..., p1: ..., ...}}: the form written to the resolved config. */
    public Map<String, Object> asConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.putAll(parameters);
        return out;
    }

    static Map<String, ParameterValue> values(Map<String, dev.foresight.yaml.YamlNode> entries,
                                              Set<String> reserved) {
        Map<String, ParameterValue> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (reserved.contains(k)) {
                return;
            }
            if (v instanceof dev.foresight.yaml.YamlNode.Sequence s) {
                List<String> items = new ArrayList<>();
                for (dev.foresight.yaml.YamlNode item : s.items()) {
                    items.add(Fields.text(item, k + " item"));
                }
                out.put(k, new ParameterValue(items, v.location()));
            } else if (v instanceof dev.foresight.yaml.YamlNode.Mapping map) {
                // A mapping of scalars ({name: value, ...}) arrives as the texts "name: value", in
                // order; only text-list parameters accept it (others reject the texts by type).
                List<String> items = new ArrayList<>();
                map.entries().forEach((name, item) -> items.add(name + ": " + Fields.text(item, k + "." + name)));
                out.put(k, new ParameterValue(items, v.location()));
            } else {
                out.put(k, new ParameterValue(Fields.text(v, k), v.location()));
            }
        });
        return out;
    }
}
