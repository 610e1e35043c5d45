package dev.foresight.strategies.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.model.FittedModel;
import dev.foresight.model.Forecast;
import dev.foresight.model.Model;
import dev.foresight.model.ModelData;
import dev.foresight.result.ResultJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TribuoModelsTest {

    private static final ElasticNetModel LINEAR = new ElasticNetModel(0.01, 0.5, 1000, 1e-4);
    private static final CartModel CART = new CartModel(4, 20, 0, 1.0);
    private static final XgboostModel XGB = new XgboostModel(XgboostTask.AUTO, 100, 0.1, 3, 5, 0.8, 0.8, 1, 0, 0);
    private static final LogisticModel LOGISTIC = new LogisticModel(10, 0.5, 1);

    // --- learning a known signal, beating the random walk ---------------------------------------

    @Test
    void linear_recoversTheLinearSignal_andBeatsTheRandomWalk() {
        Signals s = Signals.linear(1);
        FittedModel fitted = s.fit(LINEAR, 7);

        double mse = s.mse(fitted.predict(s.test()));
        assertTrue(mse < 0.5 * s.zeroForecastMse(), "linear " + mse + " vs random walk " + s.zeroForecastMse());
        // noise variance 0.005² is the floor; a small penalty keeps it close
        assertEquals(0.005 * 0.005, mse, 0.2 * 0.005 * 0.005);
        @SuppressWarnings("unchecked")
        Map<String, Double> w = (Map<String, Double>) fitted.diagnostics().get("weights");
        double sd = (Double) fitted.diagnostics().get("label_sd");
        assertEquals(List.of("x0", "x1", "x2"), List.copyOf(w.keySet()));
        // label units: weight × label_sd ≈ 0.006 and −0.004, shrunk a little by the penalty
        assertEquals(0.006, w.get("x0") * sd, 0.0008);
        assertEquals(-0.004, w.get("x1") * sd, 0.0008);
        assertEquals(0.0, w.get("x2") * sd, 0.0005);
    }

    @Test
    void cart_findsTheThreshold_andBeatsTheRandomWalk() {
        Signals s = Signals.threshold(2);
        FittedModel fitted = s.fit(CART, 7);
        Forecast[] f = fitted.predict(s.test());

        double mse = s.mse(f);
        assertTrue(mse < 0.4 * s.zeroForecastMse(), "cart " + mse + " vs random walk " + s.zeroForecastMse());
        // away from the step, nearly every forecast sits at its level, ±0.01 (a few small leaves fit noise)
        int near = 0;
        int judged = 0;
        for (int i = 0; i < f.length; i++) {
            int t = Signals.testRows()[i];
            if (Math.abs(s.x[0][t] - 0.5) > 0.2) {
                judged++;
                near += Math.abs(f[i].point() - (s.x[0][t] > 0.5 ? 0.01 : -0.01)) < 0.003 ? 1 : 0;
            }
        }
        assertTrue(near > 0.95 * judged, near + " of " + judged);
    }

    @Test
    void xgboostRegression_learnsBothSignals_andBeatsTheRandomWalk() {
        for (Signals s : List.of(Signals.linear(3), Signals.threshold(4))) {
            FittedModel fitted = s.fit(XGB, 7);
            assertEquals("regression", fitted.diagnostics().get("task"));
            double mse = s.mse(fitted.predict(s.test()));
            assertTrue(mse < 0.5 * s.zeroForecastMse(), "xgboost " + mse + " vs random walk " + s.zeroForecastMse());
            assertTrue(mse < 1.3 * 0.005 * 0.005, "near the noise floor: " + mse);
        }
    }

    @Test
    void classifiers_callDirectionFarAboveChance_withProbabilitiesInTheUnitInterval() {
        Signals s = Signals.direction(5);
        for (Model model : List.of(LOGISTIC, XGB)) {
            FittedModel fitted = s.fit(model, 7);
            Forecast[] f = fitted.predict(s.test());

            assertEquals("classification", fitted.diagnostics().get("task"), model.toString());
            double hit = s.hitRate(f);
            assertTrue(hit > 0.8, model + " hit rate " + hit);
            double brier = s.mse(f);
            assertTrue(brier < 0.15, model + " Brier " + brier + " (a coin flip scores 0.25)");
            double lo = 1;
            double hi = 0;
            for (Forecast x : f) {
                assertTrue(x.probabilityUp() >= 0 && x.probabilityUp() <= 1, model + " " + x);
                assertEquals(x.probabilityUp(), x.point(), 0);
                lo = Math.min(lo, x.probabilityUp());
                hi = Math.max(hi, x.probabilityUp());
            }
            assertTrue(lo < 0.1 && hi > 0.9, model + ": probabilities span the range, got " + lo + ".." + hi);
        }
    }

    @Test
    void linearOnDirectionLabels_givesAClippedProbability() {
        Signals s = Signals.direction(6);
        for (Forecast f : s.fit(LINEAR, 1).predict(s.test())) {
            assertEquals(Math.min(1, Math.max(0, f.point())), f.probabilityUp(), 0);
        }
    }

    @Test
    void xgboostTaskRegression_onDirectionLabels_staysARegression() {
        Signals s = Signals.direction(6);
        XgboostModel forced = new XgboostModel(XgboostTask.REGRESSION, 20, 0.3, 3, 5, 1, 1, 1, 0, 0);
        FittedModel fitted = s.fit(forced, 1);
        assertEquals("regression", fitted.diagnostics().get("task"));
        assertEquals(false, fitted.diagnostics().get("task_inferred"));
    }

    // --- determinism and provenance -------------------------------------------------------------

    @Test
    void sameSeed_givesIdenticalForecastsAndDiagnostics_forEveryModel() {
        Signals reg = Signals.linear(8);
        Signals dir = Signals.direction(8);
        for (Model m : List.of(LINEAR, CART, XGB)) {
            assertSame(reg, m);
        }
        for (Model m : List.of(LOGISTIC, XGB)) {
            assertSame(dir, m);
        }
    }

    private static void assertSame(Signals s, Model m) {
        FittedModel a = s.fit(m, 42);
        FittedModel b = s.fit(m, 42);
        assertArrayEquals(points(a.predict(s.test())), points(b.predict(s.test())), 0, m.toString());
        assertArrayEquals(ResultJson.bytes(a.diagnostics()), ResultJson.bytes(b.diagnostics()), m.toString());
    }

    @Test
    void seed_drivesTheRandomParts() {
        // XGBoost samples rows and columns with the seed; another seed gives other trees
        Signals s = Signals.linear(9);
        double[] a = points(s.fit(XGB, 1).predict(s.test()));
        double[] b = points(s.fit(XGB, 2).predict(s.test()));
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void diagnostics_carryTheTrainerSettingsWithoutTimestampsOrHost() {
        Signals s = Signals.linear(10);
        Map<String, Object> d = s.fit(LINEAR, 5).diagnostics();

        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) d.get("provenance");
        assertEquals("4.3.2", prov.get("tribuo_version"));
        assertEquals(Signals.TRAIN_END, prov.get("training_examples"));
        assertEquals(3, prov.get("training_features"));
        @SuppressWarnings("unchecked")
        Map<String, Object> trainer = (Map<String, Object>) prov.get("trainer");
        assertEquals("org.tribuo.regression.slm.ElasticNetCDTrainer", trainer.get("class-name"));
        assertEquals(0.01, ((Number) trainer.get("alpha")).doubleValue(), 0);
        assertEquals(0.5, ((Number) trainer.get("l1Ratio")).doubleValue(), 0);
        assertEquals(5L, ((Number) trainer.get("seed")).longValue());
        String json = new String(ResultJson.bytes(d), StandardCharsets.UTF_8);
        for (String volatileKey : List.of("trained-at", "host-short-name", "java-version", "creation-time")) {
            assertFalse(json.contains(volatileKey), volatileKey + " in " + json);
        }
    }

    @Test
    void everyModel_recordsItsTrainerClassAndSettings() {
        Signals reg = Signals.threshold(11);
        Signals dir = Signals.direction(11);
        assertTrainer(reg.fit(CART, 3), "org.tribuo.regression.rtree.CARTRegressionTrainer", "maxDepth", 4);
        assertTrainer(reg.fit(XGB, 3), "org.tribuo.regression.xgboost.XGBoostRegressionTrainer", "numTrees", 100);
        assertTrainer(dir.fit(XGB, 3), "org.tribuo.classification.xgboost.XGBoostClassificationTrainer", "numTrees", 100);
        assertTrainer(dir.fit(LOGISTIC, 3), "org.tribuo.classification.sgd.linear.LinearSGDTrainer", "epochs", 10);
    }

    private static void assertTrainer(FittedModel fitted, String trainerClass, String key, int value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> trainer = (Map<String, Object>) ((Map<String, Object>) fitted.diagnostics().get("provenance"))
                .get("trainer");
        assertEquals(trainerClass, trainer.get("class-name"), trainer.toString());
        assertEquals(value, ((Number) trainer.get(key)).intValue(), trainer.toString());
    }

    // --- degenerate training sets fail with a clear message -------------------------------------

    @Test
    void tooFewTrainingRows_failNamingTheModel() {
        Signals s = Signals.linear(12);
        for (Model m : List.of(LINEAR, CART, XGB, LOGISTIC)) {
            ModelData tiny = s.train(5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(tiny, tiny.withRows(new int[0]), 1));
            assertTrue(e.getMessage().contains("only 5 training rows") && e.getMessage().contains("at least 10"),
                    e.getMessage());
        }
    }

    @Test
    void constantLabels_failForRegression() {
        Signals s = Signals.linear(13);
        Arrays.fill(s.y, 0.001);
        for (Model m : List.of(LINEAR, CART, XGB)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fit(m, 1));
            assertTrue(e.getMessage().contains("labels are all 0.001"), e.getMessage());
        }
    }

    @Test
    void logistic_refusesNonDirectionLabels_andOneSidedLabels() {
        Signals returns = Signals.linear(14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> returns.fit(LOGISTIC, 1));
        assertTrue(e.getMessage().startsWith("logistic: classification needs 0/1 (direction) labels"), e.getMessage());

        Signals allUp = Signals.direction(14);
        Arrays.fill(allUp.y, 1.0);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> allUp.fit(LOGISTIC, 1));
        assertTrue(one.getMessage().contains("needs both up (1) and down (0)"), one.getMessage());
    }

    @Test
    void noFeatureColumns_failWithAHintToAddFeatures() {
        double[] y = Signals.linear(15).y;
        ModelData empty = ModelData.of(dev.foresight.feature.FeatureMatrix.empty(Signals.N), y, 1, 100,
                IntStream.range(0, 99).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XGB.fit(empty, empty.withRows(new int[0]), 1));
        assertTrue(e.getMessage().contains("no feature columns"), e.getMessage());
    }

    private static double[] points(Forecast[] f) {
        return Arrays.stream(f).mapToDouble(Forecast::point).toArray();
    }
}
