package dev.foresight.contract;

import dev.foresight.model.Model;

/**
 * The contract for a {@link Model}: extend, implement {@link #model()} (a fresh instance per call),
 * and override {@link #features()} or {@link #target()} when the model needs them.
 */
public abstract class ModelContract extends PipelineContract {

    @Override
    protected abstract Model model();
}
