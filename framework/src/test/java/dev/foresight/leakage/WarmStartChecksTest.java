package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.model.FittedModel;
import dev.foresight.pipeline.FoldChain;
import dev.foresight.pipeline.FoldChainTest;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.result.CheckOutcome;
import dev.foresight.walkforward.Fold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leakage checks of a warm-started fold: the future-perturbation refit of fold k starts from
 * the same fold k−1 fit as the original (which saw nothing of the scrambled bars), so an honest
 * chain passes, and the check still tests fold k's own fit.
 */
class WarmStartChecksTest {

    private static final MarketData DATA = FoldChainTest.DATA;
    private static final List<Fold> FOLDS = FoldChainTest.FOLDS;

    @Test
    void perturbationRefit_startsFromTheSamePreviousFit_soAnHonestChainPasses() {
        // FoldChainTest's recording model: the mean training label plus half its predecessor's level
        FoldChainTest.Recording model = new FoldChainTest.Recording(bar -> false);
        Pipeline p = FoldChainTest.pipeline(model);
        LeakageSettings everyFold = new LeakageSettings(3, FOLDS.size(), false);
        FoldChain chain = new FoldChain(p);
        List<CheckOutcome> checks = new ArrayList<>();
        List<FittedModel> fitted = new ArrayList<>();
        for (Fold f : FOLDS) {
            FoldOutcome out = CheckedFoldRunner.run(DATA, p,
                    CheckedFold.of(f, CheckPlan.forRun(everyFold, FOLDS.size()), 5).from(chain.previous()), checks);
            chain.fitted(f, out.model());
            fitted.add(out.model());
        }
        // two fits per fold (the run's and the perturbation refit), both from the same previous fit
        assertEquals(2 * FOLDS.size(), model.fits.size());
        assertNull(model.fits.get(0).previous());
        assertNull(model.fits.get(1).previous());
        for (int k = 1; k < FOLDS.size(); k++) {
            assertSame(fitted.get(k - 1), model.fits.get(2 * k).previous().model());
            assertSame(fitted.get(k - 1), model.fits.get(2 * k + 1).previous().model());
        }
        List<CheckOutcome> failed = checks.stream().filter(CheckOutcome::failed).toList();
        assertTrue(failed.isEmpty(), failed.toString());
        List<CheckOutcome> perturbation = checks.stream().filter(c -> c.check().equals(CheckOutcome.PERTURBATION)).toList();
        assertEquals(FOLDS.size(), perturbation.size());
        assertTrue(perturbation.get(1).evidence().contains("(refit, like the original, from fold 0's model)"),
                perturbation.get(1).evidence());
    }
}
