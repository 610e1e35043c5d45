package dev.foresight.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitProgressTest {

    @Test
    void epoch_fractionOfMaximumCountsEnsembleMembers() {
        assertEquals(0.25, new FitProgress.Epoch(0, 1, 25, 100, 1, 1, 1e-3).fractionOfMaximum(), 1e-12);
        // second of two members, half its epochs: (1 + 0.5) / 2
        assertEquals(0.75, new FitProgress.Epoch(1, 2, 50, 100, 1, Double.NaN, 1e-3).fractionOfMaximum(), 1e-12);
    }

    @Test
    void epoch_impossibleReportsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FitProgress.Epoch(0, 1, 0, 10, 1, 1, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new FitProgress.Epoch(0, 1, 11, 10, 1, 1, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new FitProgress.Epoch(2, 2, 1, 10, 1, 1, 1e-3));
    }

    @Test
    void defaultContextFit_delegatesToTheSeededFitIgnoringTheListener() {
        List<Long> seeds = new ArrayList<>();
        FittedModel fitted = data -> new Forecast[0];
        Model model = (train, validation, seed) -> {
            seeds.add(seed);
            return fitted;
        };
        assertSame(fitted, model.fit(null, null, FitContext.of(17)));
        assertEquals(List.of(17L), seeds);
        assertThrows(NullPointerException.class, () -> new FitContext(1, null, null));
    }
}
