package dev.foresight.strategies.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.foresight.data.DataNotes;
import dev.foresight.data.MarketData;
import dev.foresight.data.PriceSeries;
import dev.foresight.feature.FeatureSet;
import dev.foresight.model.Model;
import dev.foresight.pipeline.BarOutcome;
import dev.foresight.pipeline.FoldOutcome;
import dev.foresight.pipeline.FoldRunner;
import dev.foresight.pipeline.Pipeline;
import dev.foresight.plugin.Parameters;
import dev.foresight.plugin.PluginProvider;
import dev.foresight.scaling.ScalingMethod;
import dev.foresight.strategies.tribuo.XgboostProvider;
import dev.foresight.target.Targets;
import dev.foresight.walkforward.Fold;
import dev.foresight.walkforward.WalkForwardPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The technical feature sets of two series through one fold of the real fold runner, into a Tribuo model. */
class FeaturePipelineTest {

    private static MarketData twoSeries() {
        PriceSeries stock = Bars.ohlcv("STK", 700, 0.015, 31);
        PriceSeries index = Bars.ohlcv("IDX", 700, 0.01, 32);
        Map<String, DataNotes> notes = new LinkedHashMap<>();
        notes.put("STK", DataNotes.clean(700));
        notes.put("IDX", DataNotes.clean(700));
        return MarketData.aligned(List.of(stock, index), notes);
    }

    private static FeatureSet set(PluginProvider<FeatureSet> provider, Map<String, ?> values) {
        return provider.create(Parameters.of(provider, values));
    }

    @Test
    void warmUpRowsAreDroppedAndCounted_andTheModelSeesEveryColumnOfBothSeries() {
        List<FeatureSet> features = List.of(
                set(new RsiProvider(), Map.of()),
                set(new MacdProvider(), Map.of("relative", true)),
                set(new BollingerProvider(), Map.of()),
                set(new RealizedVolProvider(), Map.of("windows", List.of("5", "21", "63"))),
                set(new OhlcvProvider(), Map.of()),
                set(new CalendarProvider(), Map.of()),
                set(new MomentumProvider(), Map.of("lookbacks", List.of("21")), "IDX"));
        XgboostProvider xgb = new XgboostProvider();
        Model model = xgb.create(Parameters.of(xgb, Map.of("trees", 20)));
        List<dev.foresight.pipeline.NamedFeatureSet> named = new ArrayList<>();
        for (dev.foresight.feature.FeatureSet f : features) {
            named.add(new dev.foresight.pipeline.NamedFeatureSet("set" + named.size(), f));
        }
        Pipeline pipeline = new Pipeline(Targets.direction(1), named, ScalingMethod.NONE, "xgboost", model,
                Optional.empty(), List.of(), 99L);
        MarketData data = twoSeries();
        Fold first = WalkForwardPlan.expanding(400, 100).folds(data.size(), 1).get(0);

        FoldOutcome out = FoldRunner.run(data, pipeline, first);

        // rv_63 needs 63 returns: rows 0..62 of the expanding window are warm-up, never filled
        assertEquals(63, out.trainingRowsDroppedForWarmUp());
        assertEquals(first.fitRows().length - 63, out.fitRowsUsed());
        assertEquals(List.of("rsi_14", "macd", "macd_signal", "macd_hist", "bb_pctb", "bb_bandwidth", "rv_5", "rv_21",
                "rv_63", "range", "gap", "body", "volume_z", "dow_sin", "dow_cos", "month_sin", "month_cos",
                "IDX_mom_21"), out.featureNames());
        assertEquals("classification", out.diagnostics().get("task"));
        assertEquals(100, out.bars().size());
        for (BarOutcome b : out.bars()) {
            assertTrue(b.probabilityUp() >= 0 && b.probabilityUp() <= 1, b.toString());
        }
    }

    private static FeatureSet set(PluginProvider<FeatureSet> provider, Map<String, ?> values, String symbol) {
        Map<String, Object> withSymbol = new LinkedHashMap<>(values);
        withSymbol.put("symbol", symbol);
        return set(provider, withSymbol);
    }
}
