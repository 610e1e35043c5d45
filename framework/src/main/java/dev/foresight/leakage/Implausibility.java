package dev.foresight.leakage;

import dev.foresight.evaluation.ModelScore;
import dev.foresight.metrics.Annualisation;
import dev.foresight.result.CheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Check 5, implausibility flags: out-of-sample figures that markets rarely allow and leaks often
 * produce. A warning, not a verdict — but the first thing to look at in a review.
 */
public final class Implausibility {

    /** Hit rates above this on daily-or-faster data are flagged (with enough calls to mean anything). */
    public static final double MAX_HIT_RATE = 0.60;
    public static final int MIN_CALLS = 100;
    /** Annualised Sharpe ratios above this are flagged. */
    public static final double MAX_SHARPE = 4.0;

    private Implausibility() {
    }

    public static List<CheckOutcome> check(ModelScore score, Annualisation annualisation) {
        List<CheckOutcome> out = new ArrayList<>();
        var f = score.forecast();
        if (f != null && annualisation.periodsPerYear() >= 200 && f.directionCalls() >= MIN_CALLS
                && f.directionAccuracy() > MAX_HIT_RATE) {
            out.add(new CheckOutcome(CheckOutcome.IMPLAUSIBLE, CheckOutcome.WARNING, "model " + score.model(),
                    String.format(Locale.ROOT, "out-of-sample hit rate %.1f%% on %d daily calls is above %.0f%%: "
                            + "markets rarely allow this; look for a leak", 100 * f.directionAccuracy(),
                            f.directionCalls(), 100 * MAX_HIT_RATE)));
        }
        var p = score.performance();
        if (p != null && p.sharpe() > MAX_SHARPE) {
            out.add(new CheckOutcome(CheckOutcome.IMPLAUSIBLE, CheckOutcome.WARNING, "model " + score.model(),
                    String.format(Locale.ROOT, "annualised out-of-sample Sharpe %.2f is above %.0f: look for a leak",
                            p.sharpe(), MAX_SHARPE)));
        }
        return out;
    }
}
