package dev.foresight.leakage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.pipeline.FoldChain;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The leakage checks of a warm-started fold: the future-perturbation refit of fold k starts from
 * the same fold k−1 fit as the original (which saw nothing of the scrambled bars), so an honest
 * chain passes, and the check still tests fold k's own fit.
 */
class WarmStartChecksTest {

    private static final MarketData DATA = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 900, 11);
    private static final List<Fold> FOLDS = WalkForwardPlan.expanding(400, 100).folds(DATA.size(), 1);

    /** Forecasts the mean training label plus half its predecessor's level; records what each fit started from. */
    static final class Chained implements Model {
        final List<PreviousFit> startedFrom = new ArrayList<>();

        @Override
        public boolean warmStarts() {
            return true;
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed) {
            throw new AssertionError("not called for a warm-starting model");
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
            startedFrom.add(previous);
            double level = Arrays.stream(train.rowLabels()).average().orElseThrow()
                    + (previous == null ? 0 : 0.5 * ((Level) previous.model()).level);
            return new Level(level);
        }
    }

    static final class Level implements FittedModel {
        final double level;

        Level(double level) {
            this.level = level;
        }

        @Override
        public Forecast[] predict(ModelData data) {
            Forecast[] out = new Forecast[data.size()];
            Arrays.fill(out, Forecast.point(level));
            return out;
        }
    }

    @Test
    void thePerturbationRefitStartsFromTheSamePreviousFitSoAnHonestChainPasses() {
        Chained model = new Chained();
        Pipeline p = new Pipeline(Targets.logReturn(1), List.of(), ScalingMethod.NONE, "chained", model,
                Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 7);
        LeakageSettings everyFold = new LeakageSettings(3, FOLDS.size(), false);
        FoldChain chain = new FoldChain(p);
        List<CheckOutcome> checks = new ArrayList<>();
        List<FittedModel> fitted = new ArrayList<>();
        for (Fold f : FOLDS) {
            FoldOutcome out = CheckedFoldRunner.run(DATA, p, f, FOLDS.size(), 0, everyFold, 5, checks, chain.previous());
            chain.fitted(f, out.model());
            fitted.add(out.model());
        }
        // two fits per fold (the run's and the perturbation refit), both from the same previous fit
        assertEquals(2 * FOLDS.size(), model.startedFrom.size());
        assertNull(model.startedFrom.get(0));
        assertNull(model.startedFrom.get(1));
        for (int k = 1; k < FOLDS.size(); k++) {
            assertSame(fitted.get(k - 1), model.startedFrom.get(2 * k).model());
            assertSame(fitted.get(k - 1), model.startedFrom.get(2 * k + 1).model());
        }
        List<CheckOutcome> failed = checks.stream().filter(CheckOutcome::failed).toList();
        assertTrue(failed.isEmpty(), failed.toString());
        List<CheckOutcome> perturbation = checks.stream().filter(c -> c.check().equals(CheckOutcome.PERTURBATION)).toList();
        assertEquals(FOLDS.size(), perturbation.size());
        assertTrue(perturbation.get(1).evidence().contains("(refit, like the original, from fold 0's model)"),
                perturbation.get(1).evidence());
    }
}
