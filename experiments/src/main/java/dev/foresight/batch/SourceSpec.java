package dev.foresight.batch;

import dev.foresight.error.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where one price series comes from: a CSV file or a seeded simulator. */
public sealed interface SourceSpec {

    String symbol();

    Location location();

    /**
     * A CSV file. {@code columns} maps a column role ({@code date, open, high, low, close,
     * adj_close, volume}) to its header; empty means Yahoo's layout, detected from the header.
     */
    record Csv(String symbol, Path path, Map<String, String> columns, String dateFormat, String missing,
               Location location) implements SourceSpec {
        public Csv {
            columns = Map.copyOf(columns);
        }
    }

    /** A synthetic series: {@code kind} is one of {@link #KINDS}; {@code parameters} override its defaults. */
    record Synthetic(String symbol, String kind, int bars, long seed, Map<String, Double> parameters,
                     Location location) implements SourceSpec {

        /**
         * The simulators a batch may name: the parser accepts these, and the run's simulator table
         * checks at load that it has exactly these (one list, so the two cannot drift).
         */
        public static final List<String> KINDS = List.of("gbm", "garch", "regime-garch",
                "regime-garch-3", "panel", "panel-index", "ar1", "product", "threshold", "leverage-garch");

        public Synthetic {
            parameters = Map.copyOf(parameters);
        }
    }
}
