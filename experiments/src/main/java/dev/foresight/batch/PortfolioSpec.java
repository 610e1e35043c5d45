package dev.foresight.batch;

import dev.foresight.portfolio.Weighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment's {@code portfolio}: the symbols it trades (series of its data section), how their
 * positions are combined, and — once expanded — which of them this member experiment trades.
 *
 * <p>A portfolio experiment {@code NAME} over assets A, B runs as the member experiments
 * {@code NAME.A} and {@code NAME.B}: each is the experiment itself with that asset as the primary
 * series (the other series stay inputs, aligned on the same dates), so each asset's folds are fit,
 * forecast and leakage-checked exactly as a single-asset experiment's. The summary then combines
 * the members' positions, model by model, once per weighting ({@link dev.foresight.portfolio.Portfolio}).
 *
 * @param name  the portfolio experiment's own name (its members are {@code name.asset})
 * @param asset the member's asset; null on the unexpanded experiment
 */
public record PortfolioSpec(String name, List<String> assets, List<Weighting> weightings, double targetVolatility,
                            double maxLeverage, int correlationWindow, String asset) {

    public PortfolioSpec {
        Objects.requireNonNull(name, "name");
        assets = List.copyOf(assets);
        weightings = List.copyOf(weightings);
        if (weightings.isEmpty() || weightings.stream().distinct().count() != weightings.size()) {
            throw new IllegalArgumentException("one or more distinct weightings, got " + weightings);
        }
        if (assets.size() < 2 || assets.stream().distinct().count() != assets.size()) {
            throw new IllegalArgumentException("a portfolio needs two or more distinct assets, got " + assets);
        }
        if (asset != null && !assets.contains(asset)) {
            throw new IllegalArgumentException(asset + " is not an asset of portfolio " + name);
        }
    }

    /** The member experiment's name for {@code asset}. */
    public String member(String asset) {
        return name + "." + asset;
    }

    /**
     * The member experiments of a portfolio experiment, in the order of its assets: each the
     * experiment with that asset's series as the primary one and every other series as an input.
     */
    static List<ExperimentSpec> members(ExperimentSpec e) {
        PortfolioSpec p = e.portfolio();
        List<ExperimentSpec> out = new ArrayList<>();
        for (String asset : p.assets()) {
            List<SourceSpec> all = new ArrayList<>();
            all.add(e.data().primary());
            all.addAll(e.data().inputs());
            SourceSpec primary = all.stream().filter(s -> s.symbol().equals(asset)).findFirst().orElseThrow();
            all.remove(primary);
            out.add(new ExperimentSpec(p.member(asset), new DataSpec(primary, all, e.data().range()), e.target(),
                    e.features(), e.plan(), e.planLocation(), e.strategy(), e.costs(), e.regimes(), e.models(),
                    e.baseline(), e.leakage(), e.execution(),
                    new PortfolioSpec(p.name(), p.assets(), p.weightings(), p.targetVolatility(), p.maxLeverage(),
                            p.correlationWindow(), asset)));
        }
        return out;
    }

    /** As recorded in {@code config.resolved.json}. */
    public Map<String, Object> asConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("asset", asset);
        out.put("assets", assets);
        out.put("weighting", weightings.stream().map(Weighting::yamlName).toList());
        out.put("target_vol", targetVolatility);
        out.put("max_leverage", maxLeverage);
        out.put("correlation_window", correlationWindow);
        return out;
    }
}
