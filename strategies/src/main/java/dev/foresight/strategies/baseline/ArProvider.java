package dev.foresight.strategies.baseline;

import dev.foresight.model.Model;
import dev.foresight.plugin.ParameterSpec;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import java.util.List;

/** {@code kind: ar}. */
public final class ArProvider implements PluginProvider<Model> {

    public ArProvider() {
    }

    @Override
    public Class<Model> contract() {
        return Model.class;
    }

    @Override
    public String kind() {
        return "ar";
    }

    @Override
    public String description() {
        return "AR(p) by least squares on the target's own labels known at t (label(t-h), ..., label(t-h-p+1))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("p", 1, 1, 50, "number of lagged labels (autoregressive order)"));
    }

    @Override
    public Model create(Parameters parameters) {
        return new ArModel(parameters.integer("p"));
    }
}
