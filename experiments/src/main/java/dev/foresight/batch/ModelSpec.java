package dev.foresight.batch;

import dev.foresight.model.Model;
import dev.foresight.scaling.ScalingMethod;

/** One model entry of an experiment: its label (unique in the experiment), plugin and scaling. */
public record ModelSpec(String label, PluginSpec<Model> model, ScalingMethod scaling) {
}
