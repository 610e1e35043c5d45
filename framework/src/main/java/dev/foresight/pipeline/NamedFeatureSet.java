package dev.foresight.pipeline;

import dev.foresight.feature.FeatureSet;

/** A feature set with the name it is reported under (its YAML kind, numbered when repeated). */
public record NamedFeatureSet(String name, FeatureSet featureSet) {

    public NamedFeatureSet {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a feature set needs a name");
        }
    }
}
