package dev.foresight.batch;

import java.util.List;

/**
 * The primary series (targets, trading, regimes refer to it), further input series, and the date
 * range used of all of them ({@code data.start} / {@code data.end}).
 */
public record DataSpec(SourceSpec primary, List<SourceSpec> inputs, DateRange range) {

    public DataSpec {
        inputs = List.copyOf(inputs);
        range = range == null ? DateRange.ALL : range;
    }

    public DataSpec(SourceSpec primary, List<SourceSpec> inputs) {
        this(primary, inputs, DateRange.ALL);
    }
}
