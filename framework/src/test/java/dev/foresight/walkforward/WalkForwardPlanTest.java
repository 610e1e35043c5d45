package dev.foresight.walkforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {

    @Test
    void fractionalTrain_isOneChronologicalSplitOfSeventyFifteenFifteen() {
        // 1000 bars, horizon 1: labelled bars 0..998. train 0.85 -> bars 0..849; validation
        // 0.1765 of 850 = 150 bars 700..849, fit rows 0..699 (purge 1); test 850..998 (the rest).
        List<Fold> folds = WalkForwardPlan.singleSplit(0.85, 0.1765, 0).folds(1000, 1);
        assertEquals(1, folds.size());
        Fold f = folds.get(0);
        assertFold(f, 0, 849, 850, 998);
        assertEquals(699, f.fitEnd());
        assertEquals(700, f.validationStart());
        assertTrue(WalkForwardPlan.singleSplit(0.85, 0, 0).fractional());
        assertThrows(IllegalArgumentException.class, () -> WalkForwardPlan.singleSplit(0.999, 0, 0).folds(100, 1));
        assertThrows(IllegalArgumentException.class, () -> WalkForwardPlan.singleSplit(1.0, 0, 0));
    }

    @Test
    void expandingFolds_matchHandComputedBoundaries() {
        // 20 bars, horizon 1: bars 0..18 have labels. train 10 -> first training window 0..9,
        // first test bar 9 + 1 = 10; blocks of 4 -> 10..13, 14..17, 18..18.
        List<Fold> folds = new WalkForwardPlan(WindowType.EXPANDING, 10, 4, 4, 0, 0, 0).folds(20, 1);
        assertEquals(3, folds.size());
        assertFold(folds.get(0), 0, 9, 10, 13);
        assertFold(folds.get(1), 0, 13, 14, 17);
        assertFold(folds.get(2), 0, 17, 18, 18);
    }

    @Test
    void rollingWindow_keepsItsLengthAndPurgesHorizonPlusEmbargo() {
        // horizon 5, embargo 2: test starts 7 bars after the training end.
        // 40 bars: labelled bars 0..34. train 10: window 0..9, first test 9 + 7 = 16.
        List<Fold> folds = new WalkForwardPlan(WindowType.ROLLING, 10, 5, 5, 0, 2, 0).folds(40, 5);
        assertFold(folds.get(0), 0, 9, 16, 20);
        assertFold(folds.get(1), 5, 14, 21, 25);
        assertFold(folds.get(2), 10, 19, 26, 30);
        assertFold(folds.get(3), 15, 24, 31, 34);
        assertEquals(4, folds.size());
        for (Fold f : folds) {
            assertEquals(10, f.trainEnd() - f.trainStart() + 1);
            // the last training label uses bars up to trainEnd + 5 = testStart - 2: before the test block
            assertTrue(f.trainEnd() + 5 < f.testStart());
        }
    }

    @Test
    void validationTail_isPurgedByTheHorizon() {
        // train 0..19 (20 bars), validation 0.25 -> 5 rows 15..19; horizon 2 -> fit rows 0..13.
        Fold f = new WalkForwardPlan(WindowType.EXPANDING, 20, 5, 5, 0.25, 0, 1).folds(40, 2).get(0);
        assertEquals(15, f.validationStart());
        assertEquals(13, f.fitEnd());
        assertEquals(14, f.fitRows().length);
        assertEquals(5, f.validationRows().length);
        assertEquals(21, f.testStart());
    }

    @Test
    void stepLargerThanTest_leavesGapsAndMaxFoldsCaps() {
        List<Fold> folds = new WalkForwardPlan(WindowType.EXPANDING, 10, 2, 5, 0, 0, 2).folds(100, 1);
        assertEquals(2, folds.size());
        assertFold(folds.get(1), 0, 14, 15, 16);
    }

    @Test
    void walkForwardPlan_rejectsOverlappingTestBlocksStatingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WalkForwardPlan(WindowType.EXPANDING, 10, 5, 3, 0, 0, 0));
        assertTrue(e.getMessage().contains("step (3) must be at least test (5)"), e.getMessage());
    }

    @Test
    void walkForwardPlan_rejectsSeriesTooShortForOneFold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WalkForwardPlan.expanding(100, 10).folds(101, 1));
        assertTrue(e.getMessage().contains("needs at least train + horizon + embargo + 1 = 102"), e.getMessage());
        assertEquals(1, WalkForwardPlan.expanding(100, 10).folds(102, 1).size());
    }

    @Test
    void walkForwardPlan_rejectsValidationThatLeavesNothingToFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WalkForwardPlan(WindowType.ROLLING, 4, 1, 1, 0.5, 0, 0).folds(50, 2));
        assertTrue(e.getMessage().contains("fewer than 2 rows to fit on"), e.getMessage());
    }

    @Test
    void walkForwardPlan_rejectsImpossibleParameters() {
        assertThrows(IllegalArgumentException.class, () -> new WalkForwardPlan(WindowType.ROLLING, 1, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WalkForwardPlan(WindowType.ROLLING, 10, 0, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WalkForwardPlan(WindowType.ROLLING, 10, 1, 1, 0.6, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WalkForwardPlan(WindowType.ROLLING, 10, 1, 1, 0, -1, 0));
    }

    @Test
    void fold_rejectsATestBlockInsideThePurge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Fold(0, 0, 9, Fold.NO_VALIDATION, 9, 13, 20, 5, 0));
        assertTrue(e.getMessage().contains("at least horizon + embargo = 5"), e.getMessage());
    }

    @Test
    void walkForwardPlan_everyTestBarIsForecastOnceAndTrainingNeverTouchesIt() {
        List<Fold> folds = new WalkForwardPlan(WindowType.EXPANDING, 50, 7, 7, 0.2, 3, 0).folds(300, 4);
        int expectedNext = folds.get(0).testStart();
        for (Fold f : folds) {
            assertEquals(expectedNext, f.testStart());
            expectedNext = f.testEnd() + 1;
            assertFalse(f.trainEnd() + f.horizon() + f.embargo() > f.testStart());
        }
        assertEquals(300 - 1 - 4, folds.get(folds.size() - 1).testEnd());
    }

    private static void assertFold(Fold f, int trainStart, int trainEnd, int testStart, int testEnd) {
        assertEquals(trainStart, f.trainStart(), "train start of fold " + f.index());
        assertEquals(trainEnd, f.trainEnd(), "train end of fold " + f.index());
        assertEquals(testStart, f.testStart(), "test start of fold " + f.index());
        assertEquals(testEnd, f.testEnd(), "test end of fold " + f.index());
    }
}
