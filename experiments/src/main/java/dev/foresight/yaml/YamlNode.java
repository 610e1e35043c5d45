package dev.foresight.yaml;

import dev.foresight.error.Location;
import dev.foresight.error.UserError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written (file, line, column) and its path from the
 * document root ({@code experiments[0].models[1].p}), so every validation error can point at it.
 */
public sealed interface YamlNode {

    Location location();

    /** Dotted path from the root, e.g. {@code experiments[0].walk_forward.train}. */
    default String path() {
        return location().field();
    }

    /** A scalar: its text as written ({@code null} for YAML null). */
    record Scalar(String text, Location location) implements YamlNode {
        public boolean isNull() {
            return text == null;
        }
    }

    /** A sequence of nodes. */
    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A mapping with string keys, in document order. {@code keyLocations} says where each key was
     * written: a block value starts on the line after its key, so errors about the key point here.
     */
    record Mapping(Map<String, YamlNode> entries, Map<String, Location> keyLocations, Location location)
            implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = Map.copyOf(keyLocations);
        }

        public Mapping(Map<String, YamlNode> entries, Location location) {
            this(entries, Map.of(), location);
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        /** Rejects keys outside {@code allowed}, suggesting the closest one. */
        public void allowOnly(Collection<String> allowed) {
            List<UserError> unknown = unknownKeys(allowed);
            if (!unknown.isEmpty()) {
                throw unknown.get(0);
            }
        }

        /** One located error per key not in {@code allowed}, with a suggestion when one is close. */
        public List<UserError> unknownKeys(Collection<String> allowed) {
            List<UserError> out = new ArrayList<>();
            for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    String hint = dev.foresight.plugin.Suggestions.closest(e.getKey(), allowed)
                            .map(s -> " (did you mean '" + s + "'?)").orElse("");
                    out.add(new UserError(keyLocations.getOrDefault(e.getKey(), e.getValue().location()), "unknown key '"
                            + dev.foresight.error.Quote.of(e.getKey()) + "'" + hint + "; allowed here: "
                            + String.join(", ", allowed)));
                }
            }
            return out;
        }

        /** A copy with {@code key} set to {@code value}. */
        public Mapping with(String key, YamlNode value) {
            Map<String, YamlNode> copy = new LinkedHashMap<>(entries);
            copy.put(key, value);
            return new Mapping(copy, keyLocations, location);
        }
    }

    /**
     * A short name of the node's type for messages: "a mapping", "a list", "a value"; an empty
     * list or mapping says so ("experiments must be a non-empty list, got an empty list", not "got a list").
     */
    default String describe() {
        if (this instanceof Scalar s) {
            return s.isNull() ? "empty" : "the value '" + s.text() + "'";
        }
        if (this instanceof Sequence q) {
            return q.items().isEmpty() ? "an empty list" : "a list";
        }
        return ((Mapping) this).entries().isEmpty() ? "an empty mapping" : "a mapping";
    }

    /** Items of a list, or the node itself as a one-item list. */
    default List<YamlNode> asList() {
        return this instanceof Sequence s ? s.items() : new ArrayList<>(List.of(this));
    }
}
