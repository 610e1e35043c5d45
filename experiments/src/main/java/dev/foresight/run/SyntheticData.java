package dev.foresight.run;

import dev.foresight.batch.SourceSpec;
import dev.foresight.data.DataNotes;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.csv.LoadedSeries;
import dev.foresight.data.synthetic.GarchSource;
import dev.foresight.data.synthetic.GbmSource;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import java.util.ArrayList;
import java.util.List;
import dev.foresight.data.synthetic.SyntheticSource;
import dev.foresight.data.synthetic.VolatilityPanelSource;
import dev.foresight.error.UserError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a YAML {@code synthetic:} block onto a simulator. Each kind has named parameters with
 * defaults; unknown names and invalid values are user errors at the block.
 */
final class SyntheticData {

    /** Synthetic series start on the first business day of 2000. */
    private static final java.time.LocalDate START = java.time.LocalDate.of(2000, 1, 3);

    private SyntheticData() {
    }

    private record Kind(Map<String, Double> defaults, Function<Map<String, Double>, SyntheticSource> make) {
    }

    private static final Map<String, Kind> KINDS = kinds();

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("gbm", new Kind(ordered("mu", 0.07, "sigma", 0.2, "start_price", 100.0),
                p -> new GbmSource(p.get("mu"), p.get("sigma"), p.get("start_price"),
                        START)));
        GarchSource g = GarchSource.defaults();
        k.put("garch", new Kind(ordered("mu", g.mu(), "omega", g.omega(), "alpha", g.alpha(), "beta", g.beta(), "nu", g.nu(),
                "start_price", 100.0),
                p -> new GarchSource(p.get("mu"), p.get("omega"), p.get("alpha"), p.get("beta"), p.get("nu"),
                        p.get("start_price"), START)));
        RegimeSwitchingGarchSource two = RegimeSwitchingGarchSource.calmTurbulent();
        Map<String, Double> twoDefaults = new LinkedHashMap<>();
        for (int i = 0; i < two.regimes().size(); i++) {
            RegimeSwitchingGarchSource.Regime r = two.regimes().get(i);
            twoDefaults.put(r.name() + "_mu", r.mu());
            twoDefaults.put(r.name() + "_omega", r.omega());
            twoDefaults.put(r.name() + "_alpha", r.alpha());
            twoDefaults.put(r.name() + "_beta", r.beta());
            twoDefaults.put(r.name() + "_stay", two.transition().get(i).get(i));
        }
        twoDefaults.put("nu", two.nu());
        twoDefaults.put("start_price", 100.0);
        k.put("regime-garch", new Kind(java.util.Collections.unmodifiableMap(twoDefaults), p -> {
            List<RegimeSwitchingGarchSource.Regime> regimes = new ArrayList<>();
            for (RegimeSwitchingGarchSource.Regime r : two.regimes()) {
                regimes.add(new RegimeSwitchingGarchSource.Regime(r.name(), p.get(r.name() + "_mu"),
                        p.get(r.name() + "_omega"), p.get(r.name() + "_alpha"), p.get(r.name() + "_beta")));
            }
            double calmStay = p.get("calm_stay");
            double turbulentStay = p.get("turbulent_stay");
            return new RegimeSwitchingGarchSource(regimes,
                    List.of(List.of(calmStay, 1 - calmStay), List.of(1 - turbulentStay, turbulentStay)), p.get("nu"),
                    p.get("start_price"), START);
        }));
        RegimeSwitchingGarchSource three = RegimeSwitchingGarchSource.bullBearCrisis();
        k.put("regime-garch-3", new Kind(ordered("nu", three.nu(), "start_price", 100.0),
                p -> new RegimeSwitchingGarchSource(three.regimes(), three.transition(), p.get("nu"), p.get("start_price"),
                        START)));
        VolatilityPanelSource panel = VolatilityPanelSource.defaults(1);
        Map<String, Double> panelDefaults = ordered("assets", panel.assets(), "mu", panel.mu(), "daily_vol",
                panel.dailyVol(), "phi", panel.phi(), "vol_of_vol", panel.volOfVol(), "rho", panel.rho(), "leverage",
                panel.leverage(), "lead", panel.lead(), "nu", panel.nu(), "start_price", panel.startPrice());
        Map<String, Double> assetDefaults = new LinkedHashMap<>();
        assetDefaults.put("asset", 1.0);
        assetDefaults.putAll(panelDefaults);
        // Same parameters and seed => the same joint path, so members generated one by one belong together.
        k.put("panel", new Kind(java.util.Collections.unmodifiableMap(assetDefaults),
                p -> panelMember(p, whole(p.get("asset"), "asset"))));
        k.put("panel-index", new Kind(panelDefaults, p -> panelMember(p, 0)));
        return k;
    }

    private static VolatilityPanelSource panelMember(Map<String, Double> p, int member) {
        return new VolatilityPanelSource(member, whole(p.get("assets"), "assets"), p.get("mu"), p.get("daily_vol"),
                p.get("phi"), p.get("vol_of_vol"), p.get("rho"), p.get("leverage"), p.get("lead"), p.get("nu"),
                p.get("start_price"), START);
    }

    private static int whole(double v, String name) {
        if (v != Math.rint(v) || Math.abs(v) > 1_000) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + v);
        }
        return (int) v;
    }

    static LoadedSeries generate(SourceSpec.Synthetic spec) {
        Kind kind = KINDS.get(spec.kind());
        if (kind == null) {
            throw new UserError(spec.location(), "synthetic kind must be one of " + String.join(", ", KINDS.keySet()));
        }
        Map<String, Double> p = new LinkedHashMap<>(kind.defaults());
        for (Map.Entry<String, Double> e : spec.parameters().entrySet()) {
            if (!p.containsKey(e.getKey())) {
                throw new UserError(spec.location().withField(spec.location().field() + "." + e.getKey()),
                        "unknown parameter '" + e.getKey() + "' for synthetic kind '" + spec.kind() + "'; it accepts: "
                                + String.join(", ", kind.defaults().keySet()));
            }
            p.put(e.getKey(), e.getValue());
        }
        try {
            PriceSeries s = kind.make().apply(p).generate(spec.symbol(), spec.bars(), spec.seed());
            return new LoadedSeries(s, DataNotes.clean(s.size()));
        } catch (IllegalArgumentException e) {
            throw new UserError(spec.location(), "impossible synthetic '" + spec.kind() + "' parameters: " + e.getMessage());
        }
    }

    /** Parameter names and defaults of every kind, for documentation and `foresight plugins`. */
    static Map<String, Map<String, Double>> catalogue() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        KINDS.forEach((name, kind) -> out.put(name, kind.defaults()));
        return out;
    }

    static Map<String, Double> ordered(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
