package dev.foresight.batch;

import dev.foresight.regime.RegimeDetector;

/** A regime detector entry: the name its labels are reported under, and the plugin. */
public record RegimeSpec(String name, PluginSpec<RegimeDetector> detector) {
}
