package dev.foresight.run.engine;

/**
 * Where an engine delivers outcomes: the driver, which writes each to the result store and
 * reports progress. Called from the thread that called {@link Engine#execute}, one outcome at a
 * time. If it throws (the disk is full), the engine stops and rethrows.
 */
@FunctionalInterface
public interface OutcomeSink {

    void accept(TaskOutcome outcome);
}
