package dev.foresight.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.MarketData;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.model.FitContext;
import dev.foresight.model.FitProgress;
import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.model.PreviousFit;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * A warm-starting model's folds run as a chain: fold k is fit from fold k−1's fitted model (the
 * last one that fitted), in fold order, and never sees anything of a later fold.
 */
public class FoldChainTest {

    public static final MarketData DATA = RegimeSwitchingGarchSource.calmTurbulent().market("SYN", 900, 11);
    public static final List<Fold> FOLDS = WalkForwardPlan.expanding(400, 100).folds(DATA.size(), 1);

    /** What the model is fitted to: the forecast level, and the last bar its training data reached. */
    public record Level(double level, int lastSeen) implements FittedModel {
        @Override
        public Forecast[] predict(ModelData data) {
            Forecast[] out = new Forecast[data.size()];
            Arrays.fill(out, Forecast.point(level));
            return out;
        }

        @Override
        public Map<String, Object> diagnostics() {
            return Map.of("level", level);
        }
    }

    /** One call of the warm-starting fit: the last bar of its training data and what it started from. */
    public record Fit(int lastTrainingBar, PreviousFit previous, Level result) {
    }

    /**
     * Forecasts the mean training label plus half its predecessor's level (so its forecasts depend
     * on the chain), records every fit, and fails the fits whose last training bar {@code fails}.
     */
    public static final class Recording implements Model {
        public final List<Fit> fits = new ArrayList<>();
        private final IntPredicate fails;

        public Recording(IntPredicate fails) {
            this.fails = fails;
        }

        @Override
        public boolean warmStarts() {
            return true;
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed) {
            throw new AssertionError("a warm-starting model is fit with its previous fit (null for the first)");
        }

        @Override
        public FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
            if (fails.test(train.last())) {
                throw new IllegalStateException("planted failure");
            }
            double mean = Arrays.stream(train.rowLabels()).average().orElseThrow();
            double carried = previous == null ? 0 : ((Level) previous.model()).level();
            Level fitted = new Level(mean + 0.5 * carried, train.last());
            fits.add(new Fit(train.last(), previous, fitted));
            return fitted;
        }
    }

    public static Pipeline pipeline(Model model) {
        return new Pipeline(Targets.logReturn(1), List.of(), ScalingMethod.NONE, "m", model,
                Optional.of(in -> Math.signum(in.expectedMove())), List.of(), 7);
    }

    @Test
    void foldChain_eachFoldStartsFromThePreviousFoldsFitInFoldOrderAndNothingLater() {
        assertTrue(FOLDS.size() >= 4, "folds: " + FOLDS.size());
        Recording model = new Recording(bar -> false);
        Pipeline p = pipeline(model);
        FoldChain chain = new FoldChain(p);
        assertTrue(chain.chained());
        List<FoldOutcome> outcomes = new ArrayList<>();
        for (Fold f : FOLDS) {
            FoldOutcome out = FoldRunner.run(DATA, p, f, chain.previous());
            chain.fitted(f, out.model());
            outcomes.add(out);
        }
        assertEquals(FOLDS.size(), model.fits.size());
        assertNull(model.fits.get(0).previous(), "the first fold starts fresh");
        for (int k = 0; k < FOLDS.size(); k++) {
            Fit fit = model.fits.get(k);
            // fits come in fold order: fit k saw fold k's training data, no later fold's
            assertEquals(FOLDS.get(k).lastTrainingBar(), fit.lastTrainingBar());
            assertSame(fit.result(), outcomes.get(k).model());
            if (k > 0) {
                PreviousFit previous = fit.previous();
                assertEquals(k - 1, previous.fold().index());
                assertSame(outcomes.get(k - 1).model(), previous.model(), "fold " + k + " starts from fold " + (k - 1));
                int seen = ((Level) previous.model()).lastSeen();
                assertEquals(FOLDS.get(k - 1).lastTrainingBar(), seen);
                assertTrue(seen < fit.lastTrainingBar(), "the previous fit saw only earlier bars");
            }
        }
        // the forecasts really carry the chain: fold 1's level is its mean plus half fold 0's
        double level0 = ((Level) outcomes.get(0).model()).level();
        double level1 = ((Level) outcomes.get(1).model()).level();
        double fresh1 = ((Level) FoldRunner.run(DATA, pipeline(new Recording(bar -> false)), FOLDS.get(1)).model())
                .level();
        assertEquals(fresh1 + 0.5 * level0, level1, 1e-15);
    }

    @Test
    void foldChain_afterAFailedFoldTheNextStartsFromTheLastFoldThatFitted() {
        int failing = FOLDS.get(1).lastTrainingBar();
        Recording model = new Recording(bar -> bar == failing);
        Pipeline p = pipeline(model);
        FoldChain chain = new FoldChain(p);
        List<FittedModel> fitted = new ArrayList<>();
        for (Fold f : FOLDS) {
            FittedModel m = null;
            try {
                m = FoldRunner.run(DATA, p, f, chain.previous()).model();
            } catch (FoldFailure e) {
                assertTrue(e.getMessage().contains("planted failure"), e.getMessage());
            }
            chain.fitted(f, m);
            fitted.add(m);
        }
        assertNull(fitted.get(1));
        Fit third = model.fits.get(1);
        assertEquals(FOLDS.get(2).lastTrainingBar(), third.lastTrainingBar());
        assertEquals(0, third.previous().fold().index());
        assertSame(fitted.get(0), third.previous().model());
        assertEquals(2, model.fits.get(2).previous().fold().index());
    }

    @Test
    void foldChain_aModelThatDoesNotWarmStartIsFitFreshOnEveryFold() {
        List<Integer> fits = new ArrayList<>();
        Model fresh = new Model() {
            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed) {
                fits.add(train.last());
                return new Level(0, train.last());
            }

            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed, PreviousFit previous) {
                throw new AssertionError("a model that does not warm-start is never handed a previous fit");
            }
        };
        Pipeline p = pipeline(fresh);
        FoldChain chain = new FoldChain(p);
        assertFalse(chain.chained());
        for (Fold f : FOLDS) {
            assertNull(chain.previous());
            FoldOutcome out = FoldRunner.run(DATA, p, f, chain.previous());
            chain.fitted(f, out.model());
        }
        assertNull(chain.previous());
        // even handed one explicitly, the framework fits it fresh
        FoldRunner.run(DATA, p, FOLDS.get(1), new PreviousFit(FOLDS.get(0), new Level(1, 0)));
        assertEquals(FOLDS.size() + 1, fits.size());
    }

    @Test
    void foldChain_onlyAnEarlierFoldsFitIsAcceptedAndFoldsRunInOrder() {
        Pipeline p = pipeline(new Recording(bar -> false));
        Level any = new Level(0, 0);
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class,
                () -> FoldRunner.fit(DATA, p, FOLDS.get(1), new PreviousFit(FOLDS.get(2), any)));
        assertTrue(later.getMessage().contains("only an earlier fold's"), later.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FoldRunner.fit(DATA, p, FOLDS.get(1), new PreviousFit(FOLDS.get(1), any)));

        FoldChain chain = new FoldChain(p);
        chain.fitted(FOLDS.get(1), any);
        assertThrows(IllegalArgumentException.class, () -> chain.fitted(FOLDS.get(0), any));
        assertThrows(IllegalArgumentException.class, () -> chain.fitted(FOLDS.get(1), any));
    }

    @Test
    void fitModel_handsTheModelItsSeedPreviousFitAndProgressListener() {
        List<FitContext> contexts = new ArrayList<>();
        Model listening = new Model() {
            @Override
            public boolean warmStarts() {
                return true;
            }

            @Override
            public FittedModel fit(ModelData train, ModelData validation, long seed) {
                throw new AssertionError("the framework calls the FitContext fit");
            }

            @Override
            public FittedModel fit(ModelData train, ModelData validation, FitContext context) {
                contexts.add(context);
                context.progress().epoch(new FitProgress.Epoch(0, 1, 1, 3, 0.5, 0.25, 1e-3));
                return new Level(0, train.last());
            }
        };
        Pipeline p = pipeline(listening);
        List<FitProgress.Epoch> heard = new ArrayList<>();
        FitProgress listener = heard::add;
        FittedFold first = FoldRunner.fit(DATA, p, FOLDS.get(0), null, listener);
        PreviousFit previous = new PreviousFit(FOLDS.get(0), first.model());
        FoldRunner.fit(DATA, p, FOLDS.get(1), previous, listener);
        // the overloads without a listener (the leakage checks' refits) report to nobody
        FoldRunner.fit(DATA, p, FOLDS.get(1), previous);

        assertEquals(3, contexts.size());
        assertEquals(7, contexts.get(0).seed());
        assertNull(contexts.get(0).previous());
        assertSame(listener, contexts.get(0).progress());
        assertSame(previous, contexts.get(1).previous());
        assertSame(listener, contexts.get(1).progress());
        assertSame(FitProgress.NONE, contexts.get(2).progress());
        assertEquals(2, heard.size());
        assertEquals(0.25, heard.get(0).validationLoss());
    }
}
