package dev.foresight.batch;

import java.util.List;
import java.util.Objects;

/**
 * A fixed block of the batch format ({@code walk_forward}, {@code costs}, ...): its documentation
 * and its keys in the documented order. The parser accepts exactly {@link #keys()}, and the schema
 * lists them in that order.
 */
record Section(String key, String doc, List<Field> fields) {

    Section {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(doc, "doc");
        fields = List.copyOf(fields);
        if (fields.stream().map(Field::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException(key + ": a key is described twice");
        }
    }

    List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }

    Field field(String name) {
        return fields.stream().filter(f -> f.key().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + " has no key '" + name + "'"));
    }
}
