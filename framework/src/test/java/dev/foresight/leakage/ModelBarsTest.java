package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which test bars truncation invariance recomputes forecasts at. */
class ModelBarsTest {

    private static final List<Fold> FOLDS = WalkForwardPlan.expanding(500, 400).folds(1700, 1);

    @Test
    void modelBars_areEveryTestBarWithinTheBudget() {
        Fold f = FOLDS.get(0);
        assertArrayEquals(f.testRows(), TruncationInvariance.modelBars(f, f.testRows().length));
        assertArrayEquals(f.testRows(), TruncationInvariance.modelBars(f, 10_000));
    }

    @Test
    void modelBars_beyondTheBudget_areOnePerStratumWithTheFirstAndLast() {
        for (Fold f : FOLDS) {
            int[] rows = f.testRows();
            int[] bars = TruncationInvariance.modelBars(f, 42);
            assertEquals(42, bars.length);
            assertEquals(rows[0], bars[0]);
            assertEquals(rows[rows.length - 1], bars[bars.length - 1]);
            int inner = rows.length - 2;
            for (int k = 0; k < 40; k++) {
                int from = rows[1 + k * inner / 40];
                int to = rows[1 + (k + 1) * inner / 40];
                assertEquals(1, Arrays.stream(bars).filter(b -> b >= from && b < to).count(), "stratum " + k);
            }
            for (int i = 1; i < bars.length; i++) {
                assertTrue(bars[i] > bars[i - 1]);
            }
        }
    }

    @Test
    void modelBars_dependOnTheFoldAlone_soCheckAndRunExamineTheSameBars() {
        Fold f = FOLDS.get(1);
        assertArrayEquals(TruncationInvariance.modelBars(f, 30), TruncationInvariance.modelBars(f, 30));
        assertEquals(0, TruncationInvariance.modelBars(f, 0).length);
    }
}
