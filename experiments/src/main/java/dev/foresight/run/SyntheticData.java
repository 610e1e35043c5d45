package dev.foresight.run;

import dev.foresight.batch.BatchSchema;
import dev.foresight.batch.SourceSpec;
import dev.foresight.data.DataNotes;
import dev.foresight.data.PriceSeries;
import dev.foresight.data.csv.LoadedSeries;
import dev.foresight.data.synthetic.GarchSource;
import dev.foresight.data.synthetic.GbmSource;
import dev.foresight.data.synthetic.PlantedSignalSource;
import dev.foresight.data.synthetic.RegimeSwitchingGarchSource;
import dev.foresight.data.synthetic.SyntheticSource;
import dev.foresight.data.synthetic.VolatilityPanelSource;
import dev.foresight.error.UserError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a YAML {@code synthetic:} block onto a simulator. Each kind has named parameters with
 * defaults; unknown names and invalid values are user errors at the block.
 */
public final class SyntheticData {

    /** Synthetic series start on the first business day of 2000. */
    private static final LocalDate START = LocalDate.of(2000, 1, 3);

    private SyntheticData() {
    }

    private record Kind(String description, Map<String, Double> defaults,
                        Function<Map<String, Double>, SyntheticSource> make) {
    }

    private static final Map<String, Kind> KINDS = checked(kinds());

    /** The parser accepts the kinds of {@link SourceSpec.Synthetic#KINDS}: this table must have exactly those. */
    private static Map<String, Kind> checked(Map<String, Kind> kinds) {
        if (!List.copyOf(kinds.keySet()).equals(SourceSpec.Synthetic.KINDS)) {
            throw new IllegalStateException("synthetic kinds " + kinds.keySet() + " differ from the parser's "
                    + SourceSpec.Synthetic.KINDS);
        }
        return kinds;
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("gbm", new Kind("geometric Brownian motion", ordered("mu", 0.07, "sigma", 0.2, "start_price", 100.0),
                p -> new GbmSource(p.get("mu"), p.get("sigma"), p.get("start_price"),
                        START)));
        GarchSource g = GarchSource.defaults();
        k.put("garch", new Kind("GARCH(1,1) with Student-t shocks (daily units)", ordered("mu", g.mu(), "omega", g.omega(), "alpha", g.alpha(), "beta", g.beta(), "nu", g.nu(),
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
        k.put("regime-garch", new Kind("Markov switching between a calm and a turbulent GARCH(1,1) regime; "
                + "the true regimes are kept (regime detector truth)", Collections.unmodifiableMap(twoDefaults),
                p -> {
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
        k.put("regime-garch-3", new Kind("Markov switching between bull, bear and crisis GARCH regimes; "
                + "the true regimes are kept (regime detector truth)", ordered("nu", three.nu(), "start_price", 100.0),
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
        k.put("panel", new Kind("one asset of a multi-asset panel on a stochastic-volatility factor; members with the "
                + "same parameters, bars and seed share one path", Collections.unmodifiableMap(assetDefaults),
                p -> panelMember(p, whole(p.get("asset"), "asset"))));
        k.put("panel-index", new Kind("the panel's volatility index: the assets' annualised % volatility for the next bar",
                panelDefaults, p -> panelMember(p, 0)));
        // Planted signals (PlantedSignalSource): known-signal benchmarks for the models.
        k.put("ar1", planted(PlantedSignalSource.Signal.AR1, "AR(1) log returns r_t = phi r_{t-1} + daily_vol z_t",
                "phi", 0.3));
        k.put("product", planted(PlantedSignalSource.Signal.PRODUCT, "returns driven by the product of the two previous"
                + " standardised returns (uncorrelated with every lag: invisible to linear models)", "strength", 0.1));
        k.put("threshold", planted(PlantedSignalSource.Signal.THRESHOLD, "higher mean return after a move beyond one"
                + " standard deviation either way (uncorrelated with every lag)", "strength", 0.1));
        k.put("leverage-garch", planted(PlantedSignalSource.Signal.LEVERAGE, "GJR-GARCH(1,1) volatility (alpha "
                + PlantedSignalSource.LEVERAGE_ALPHA + ", beta " + PlantedSignalSource.LEVERAGE_BETA
                + "): falls raise the next variance more than rises", "gamma", 0.12));
        return k;
    }

    private static Kind planted(PlantedSignalSource.Signal signal, String description, String strength,
                                double defaultStrength) {
        return new Kind(description, ordered(strength, defaultStrength, "daily_vol", 0.01, "start_price", 100.0),
                p -> new PlantedSignalSource(signal, p.get(strength), p.get("daily_vol"), p.get("start_price"), START));
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

    /**
     * Every kind with its description and its parameters' defaults and meanings, in the parser's
     * order: what {@code foresight schema} publishes.
     */
    public static List<BatchSchema.SyntheticKind> documented() {
        List<BatchSchema.SyntheticKind> out = new ArrayList<>();
        KINDS.forEach((name, kind) -> {
            Map<String, String> meanings = new LinkedHashMap<>();
            kind.defaults().keySet().forEach(p -> meanings.put(p, meaning(name, p)));
            out.add(new BatchSchema.SyntheticKind(name, kind.description(), kind.defaults(), meanings));
        });
        return out;
    }

    /** What a parameter means, from its name: {@code calm_beta} is beta in the calm regime. */
    private static String meaning(String kind, String parameter) {
        int cut = parameter.indexOf('_');
        String regime = kind.equals("regime-garch") && cut > 0 ? parameter.substring(0, cut) : null;
        String base = regime == null ? parameter : parameter.substring(cut + 1);
        String what = switch (base) {
            case "mu" -> kind.equals("gbm") ? "annual expected (arithmetic) return"
                    : kind.startsWith("panel") ? "mean daily log return of every asset" : "mean daily log return";
            case "sigma" -> "annual volatility";
            case "omega" -> "GARCH constant ω of the daily variance";
            case "alpha" -> "GARCH α: weight of the last squared shock";
            case "beta" -> "GARCH β: weight of the last variance (persistence)";
            case "stay" -> "probability of staying in the regime from one bar to the next";
            case "nu" -> "degrees of freedom of the Student-t shocks";
            case "start_price" -> "the price before the first bar";
            case "asset" -> "which asset of the panel, 1..assets";
            case "assets" -> "number of assets in the panel";
            case "daily_vol" -> kind.startsWith("panel") ? "median daily volatility of the assets"
                    : "daily standard deviation of the shocks (leverage-garch: unconditional daily volatility)";
            case "phi" -> kind.equals("ar1") ? "AR(1) coefficient of the daily log return"
                    : "persistence of the log-volatility factor, in [0, 1)";
            case "vol_of_vol" -> "standard deviation of the factor's daily innovation";
            case "rho" -> "correlation of the assets' unpredictable returns";
            case "leverage" -> "correlation of the market shock with the factor's innovation";
            case "lead" -> "tomorrow's mean return per unit of today's factor innovation, in volatility units";
            case "strength" -> "the planted signal's share of the return variance";
            case "gamma" -> "GJR-GARCH leverage term: extra weight of a negative shock's square";
            default -> parameter;
        };
        return regime == null ? what : regime + " regime: " + what;
    }

    static Map<String, Double> ordered(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
