package dev.foresight.run;

import dev.foresight.data.MarketData;
import java.util.List;
import java.util.Map;

/** Market data as loaded for an experiment, with its hash and where each series came from. */
public record LoadedData(MarketData market, String sha256, List<Map<String, Object>> sources) {

    public LoadedData {
        sources = List.copyOf(sources);
    }
}
