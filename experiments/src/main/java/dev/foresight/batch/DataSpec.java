package dev.foresight.batch;

import java.util.List;

/** The primary series (targets, trading, regimes refer to it) and further input series. */
public record DataSpec(SourceSpec primary, List<SourceSpec> inputs) {

    public DataSpec {
        inputs = List.copyOf(inputs);
    }
}
