package dev.foresight.data;

import java.util.Arrays;
import java.util.List;

/**
 * The true regime of every bar, known only for synthetic data (the simulator's hidden state).
 * It is for evaluation — per-regime metrics in the report — and is never given to a model.
 */
public record RegimeTruth(List<String> names, int[] states) {

    public RegimeTruth {
        names = List.copyOf(names);
        states = states.clone();
        for (int s : states) {
            if (s < 0 || s >= names.size()) {
                throw new IllegalArgumentException("regime state " + s + " has no name in " + names);
            }
        }
    }

    public String label(int bar) {
        return names.get(states[bar]);
    }

    @Override
    public int[] states() {
        return states.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegimeTruth r && names.equals(r.names) && Arrays.equals(states, r.states);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(states);
    }

    @Override
    public String toString() {
        return "RegimeTruth" + names + "[" + states.length + " bars]";
    }
}
