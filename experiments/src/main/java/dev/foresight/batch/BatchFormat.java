package dev.foresight.batch;

import dev.foresight.leakage.LeakageSettings;
import java.util.List;

/**
 * The batch format's fixed sections, described once: {@link BatchParser} reads and validates them
 * through these descriptions, {@link BatchSchema} publishes them, and {@link BatchKeys} takes their
 * key lists from them. (Plugin blocks are described by their plugins' own parameter specs.)
 */
final class BatchFormat {

    static final Section ANNUALISATION = new Section("annualisation", "how metrics are annualised", List.of(
            Field.integer("periods_per_year", 252, 1L, 100_000L, "periods_per_year", "bars per year"),
            Field.real("risk_free_rate", 0.0, -1.0, 1.0, "risk_free_rate (annual, as a fraction)",
                    "annual risk-free rate, as a fraction")));

    static final Section COSTS = new Section("costs", "trading costs per unit of turnover (default none)", List.of(
            Field.real("bps", 0.0, 0.0, 10_000.0, "costs.bps (basis points per unit of turnover)",
                    "costs in basis points per unit of turnover"),
            Field.real("slippage_bps", 0.0, 0.0, 10_000.0, "costs.slippage_bps",
                    "slippage in basis points per unit of turnover")));

    private BatchFormat() {
    }
}
