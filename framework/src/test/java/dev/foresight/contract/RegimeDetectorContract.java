package dev.foresight.contract;

import dev.foresight.regime.RegimeDetector;
import java.util.List;

/** The contract for a {@link RegimeDetector}: extend and return a fresh instance from {@link #detector()}. */
public abstract class RegimeDetectorContract extends PipelineContract {

    protected abstract RegimeDetector detector();

    @Override
    protected final List<RegimeDetector> regimes() {
        return List.of(detector());
    }
}
