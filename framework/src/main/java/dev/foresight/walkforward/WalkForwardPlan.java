package dev.foresight.walkforward;

import java.util.ArrayList;
import java.util.List;

/**
 * How a series is cut into walk-forward folds.
 *
 * <p>The first fold trains on bars {@code 0..train-1}. Each fold's test block has {@code test}
 * bars and starts {@code horizon + embargo} bars after its training window ends (the purge is the
 * target's horizon, so no training label overlaps a test label; the embargo adds a further gap).
 * Successive test blocks start {@code step} bars apart; the model is refit for every fold. An
 * expanding window keeps bar 0 as its start, a rolling one keeps {@code train} bars. A
 * {@code validation} fraction of each training window, at its end, is held out for early
 * stopping, itself purged by the horizon. The last test bar is the last one with a known label.
 *
 * <p>A single chronological split (train / validation / test as fractions of the series, as in
 * the course's 70/15/15) is a plan with {@code trainFraction} in (0, 1): one fold whose training
 * window is that fraction of the bars and whose test block is the rest; {@code train},
 * {@code test} and {@code step} are then resolved from the series length and ignored as given.
 *
 * <p>Impossible plans are rejected with a message that states the rule broken.
 */
public record WalkForwardPlan(WindowType window, int train, int test, int step, double validation, int embargo,
                              int maxFolds, double trainFraction) {

    /** A plan in bars (no fractional split). */
    public WalkForwardPlan(WindowType window, int train, int test, int step, double validation, int embargo,
                           int maxFolds) {
        this(window, train, test, step, validation, embargo, maxFolds, 0);
    }

    /**
     * One chronological split: the first {@code round(trainFraction × bars)} bars train (their last
     * {@code validation} fraction validates), the test block is every later bar with a known label.
     */
    public static WalkForwardPlan singleSplit(double trainFraction, double validation, int embargo) {
        return new WalkForwardPlan(WindowType.EXPANDING, 2, 1, 1, validation, embargo, 1, trainFraction);
    }

    /** Whether this plan is a single split given as a fraction of the bars. */
    public boolean fractional() {
        return trainFraction > 0;
    }

    public WalkForwardPlan {
        if (window == null) {
            throw new IllegalArgumentException("window must be expanding or rolling");
        }
        if (train < 2) {
            throw new IllegalArgumentException("train must be at least 2 bars, got " + train);
        }
        if (test < 1) {
            throw new IllegalArgumentException("test must be at least 1 bar, got " + test);
        }
        if (step < test) {
            throw new IllegalArgumentException("step (" + step + ") must be at least test (" + test
                    + "), or test blocks would overlap and a bar would be forecast twice");
        }
        if (!(validation >= 0 && validation <= 0.5)) {
            throw new IllegalArgumentException("validation must be a fraction in [0, 0.5], got " + validation);
        }
        if (embargo < 0) {
            throw new IllegalArgumentException("embargo cannot be negative, got " + embargo);
        }
        if (maxFolds < 0) {
            throw new IllegalArgumentException("max_folds must be 0 (no limit) or positive, got " + maxFolds);
        }
        if (!(trainFraction >= 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("a fractional train must be in (0, 1), got " + trainFraction);
        }
    }

    /** Expanding window, step = test, no validation, no embargo, no fold limit. */
    public static WalkForwardPlan expanding(int train, int test) {
        return new WalkForwardPlan(WindowType.EXPANDING, train, test, test, 0, 0, 0);
    }

    /**
     * The folds for a series of {@code bars} bars and a target of horizon {@code horizon}.
     *
     * @throws IllegalArgumentException when the series is too short for even one fold, or the
     *                                  validation tail leaves nothing to fit on; the message states the rule
     */
    public List<Fold> folds(int bars, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int lastLabelled = bars - 1 - horizon;
        if (fractional()) {
            int trainBars = (int) Math.round(trainFraction * bars);
            int testBars = lastLabelled - (trainBars - 1 + horizon + embargo) + 1;
            if (trainBars < 2 || testBars < 1) {
                throw new IllegalArgumentException("train " + trainFraction + " of " + bars + " bars leaves "
                        + Math.max(testBars, 0) + " test bars with a known label (horizon " + horizon + ", embargo "
                        + embargo + "): use a smaller train fraction or a longer series");
            }
            return new WalkForwardPlan(WindowType.EXPANDING, trainBars, testBars, testBars, validation, embargo, 1)
                    .folds(bars, horizon);
        }
        int firstTest = train - 1 + horizon + embargo;
        if (firstTest > lastLabelled) {
            throw new IllegalArgumentException("the series has " + bars + " bars but the plan needs at least train + horizon + embargo + 1 = "
                    + (train + horizon + embargo + 1) + " (train " + train + ", horizon " + horizon + ", embargo "
                    + embargo + ") for one test bar with a known label");
        }
        List<Fold> folds = new ArrayList<>();
        for (int testStart = firstTest; testStart <= lastLabelled; testStart += step) {
            if (maxFolds > 0 && folds.size() == maxFolds) {
                break;
            }
            int testEnd = Math.min(testStart + test - 1, lastLabelled);
            int trainEnd = testStart - horizon - embargo;
            int trainStart = window == WindowType.EXPANDING ? 0 : trainEnd - train + 1;
            int length = trainEnd - trainStart + 1;
            int validationRows = (int) Math.round(validation * length);
            int validationStart = Fold.NO_VALIDATION;
            int fitEnd = trainEnd;
            if (validationRows > 0) {
                validationStart = trainEnd - validationRows + 1;
                fitEnd = validationStart - horizon;
                if (fitEnd - trainStart + 1 < 2) {
                    throw new IllegalArgumentException("validation " + validation + " of a " + length
                            + "-bar training window, purged by the horizon " + horizon
                            + ", leaves fewer than 2 rows to fit on: use a longer train or a smaller validation");
                }
            }
            folds.add(new Fold(folds.size(), trainStart, fitEnd, validationStart, trainEnd, testStart, testEnd, horizon,
                    embargo));
        }
        return List.copyOf(folds);
    }
}
