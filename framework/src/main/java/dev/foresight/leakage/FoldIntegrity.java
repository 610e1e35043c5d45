package dev.foresight.leakage;

import dev.foresight.data.MarketData;
import dev.foresight.result.CheckOutcome;
import dev.foresight.walkforward.Fold;
import java.util.List;

/**
 * Check 1, fold integrity: re-derives from a fold's rows — independently of how the plan built
 * them — that fitting, validation and test rows are disjoint and in time order, that the first test
 * bar is at least {@code horizon + embargo} bars after the last training row, and that no label
 * window of a fitting or training row reaches past the first row of the next segment.
 */
public final class FoldIntegrity {

    /** The culprit named when the folds themselves are wrong. */
    public static final String PLAN = "walk_forward";

    private FoldIntegrity() {
    }

    /**
     * @param horizon the target's horizon (not the one the fold was planned with: a plan built for
     *                another horizon is exactly the bug this catches)
     */
    public static CheckOutcome check(MarketData data, Fold f, int horizon, int embargo) {
        String fold = "fold " + f.index();
        if (f.trainStart() > f.fitEnd()) {
            return fail(fold + ": no fitting rows");
        }
        int lastTraining = f.hasValidation() ? f.validationStart() : f.testStart();
        if (f.hasValidation()) {
            if (!(f.fitEnd() < f.validationStart() && f.validationStart() <= f.trainEnd())) {
                return fail(fold + ": fitting rows ..bar " + f.fitEnd() + " and validation rows bar " + f.validationStart()
                        + "..bar " + f.trainEnd() + " are not disjoint and ordered");
            }
            if (f.fitEnd() + horizon > f.validationStart()) {
                return fail(fold + ": the label of fitting row " + f.fitEnd() + " (" + data.date(f.fitEnd())
                        + ") uses bars up to " + (f.fitEnd() + horizon) + " (" + date(data, f.fitEnd() + horizon)
                        + "), past the first validation row " + f.validationStart() + " (" + data.date(f.validationStart())
                        + "): purge at least the horizon " + horizon + " between fitting and validation rows");
            }
        }
        if (!(f.trainEnd() < f.testStart() && f.testStart() <= f.testEnd())) {
            return fail(fold + ": training rows ..bar " + f.trainEnd() + " and test rows bar " + f.testStart() + "..bar "
                    + f.testEnd() + " are not disjoint and ordered");
        }
        int gap = f.testStart() - f.trainEnd();
        if (gap < horizon + embargo) {
            return fail(fold + ": the first test bar " + f.testStart() + " (" + data.date(f.testStart())
                    + ") is only " + gap + " bars after the last training row " + f.trainEnd() + " ("
                    + data.date(f.trainEnd()) + "), but horizon " + horizon + " + embargo " + embargo + " = "
                    + (horizon + embargo) + " are needed: the training label of bar " + f.trainEnd()
                    + " uses bars up to " + (f.trainEnd() + horizon) + ", inside the test block");
        }
        return CheckOutcome.passed(CheckOutcome.FOLD_INTEGRITY, fold + ": fit on bars " + f.trainStart() + ".." + f.fitEnd()
                + (f.hasValidation() ? ", validation bars " + f.validationStart() + ".." + f.trainEnd()
                        : " (the whole training window)")
                + "; gap " + gap + " bars ≥ horizon " + horizon
                + " + embargo " + embargo + (f.hasValidation() ? "; validation purged by " + (lastTraining - f.fitEnd()) : ""));
    }

    /** Every fold's outcome; the first failure, or one pass summarising all. */
    public static CheckOutcome checkAll(MarketData data, List<Fold> folds, int horizon, int embargo) {
        for (Fold f : folds) {
            CheckOutcome o = check(data, f, horizon, embargo);
            if (o.failed()) {
                return o;
            }
        }
        return CheckOutcome.passed(CheckOutcome.FOLD_INTEGRITY, folds.size() + " folds: train, validation and test "
                + "disjoint and ordered, gaps ≥ horizon " + horizon + " + embargo " + embargo);
    }

    private static String date(MarketData data, int t) {
        return t < data.size() ? data.date(t).toString() : "beyond the data";
    }

    private static CheckOutcome fail(String evidence) {
        return CheckOutcome.failed(CheckOutcome.FOLD_INTEGRITY, PLAN, evidence);
    }
}
